package dev.cofre.domain.key;

/**
 * What the database records of the keys its sealed cards need: check values, never keys. Every
 * server sharing the database compares its own keys with them before it serves.
 */
public interface ExpectedKeys {

    /** The check values recorded so far. */
    KeyChecks recorded();

    /**
     * Records these check values for keys not recorded yet; a key already recorded keeps its first
     * check value (two servers racing: the first one wins).
     */
    void record(KeyChecks checks);

    /** Stops expecting these keys (key-encryption keys that nothing is wrapped under any more). */
    void forget(io.vavr.collection.Seq<String> names);

    /** Whether the database holds any sealed card number. */
    boolean holdsSealedCards();
}
