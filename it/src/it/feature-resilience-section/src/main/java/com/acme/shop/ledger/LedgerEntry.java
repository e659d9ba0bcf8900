package com.acme.shop.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class LedgerEntry {

    @Id
    @GeneratedValue
    private Long id;

    private long paymentId;

    private long amountInCents;

    protected LedgerEntry() {
    }

    public LedgerEntry(long paymentId, long amountInCents) {
        this.paymentId = paymentId;
        this.amountInCents = amountInCents;
    }

    public long getPaymentId() {
        return paymentId;
    }

    public long getAmountInCents() {
        return amountInCents;
    }
}
