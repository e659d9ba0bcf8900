package com.acme.shop.ledger;

import org.springframework.data.repository.CrudRepository;

public interface LedgerEntryRepository extends CrudRepository<LedgerEntry, Long> {
}
