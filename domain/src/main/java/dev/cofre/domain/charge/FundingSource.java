package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
/** seed 002's funding_source. */
public enum FundingSource implements WireName {
    CREDIT, DEBIT, PREPAID;
}
