package dev.cofre.domain.charge;

/** seed 002's funding_source. */
public enum FundingSource {
    CREDIT, DEBIT, PREPAID;

    public String wireName() {
        return WireNames.wireName(this);
    }
}
