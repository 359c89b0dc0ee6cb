package dev.cofre.domain.charge;

/** What a transaction asked the acquirer to do. */
public enum TransactionKind {
    AUTHORIZATION, CAPTURE, VOID, REFUND
}
