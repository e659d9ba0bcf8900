package com.acme.shop.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class LedgerService {

    private final LedgerEntryRepository entries;

    public LedgerService(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    @Transactional
    public LedgerEntry record(long paymentId, long amountInCents) {
        return entries.save(new LedgerEntry(paymentId, amountInCents));
    }
}
