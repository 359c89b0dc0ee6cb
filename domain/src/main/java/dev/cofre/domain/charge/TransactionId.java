package dev.cofre.domain.charge;

/**
 * A transaction's identifier ({@code tran_...}). It is also the operation key sent to the
 * acquirer, so the acquirer can later be asked what became of exactly this operation.
 */
public record TransactionId(String value) {
    public TransactionId {
        if (value == null || !value.startsWith("tran_")) {
            throw new IllegalArgumentException("a transaction id starts with tran_");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
