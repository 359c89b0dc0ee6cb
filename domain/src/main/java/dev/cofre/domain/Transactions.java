package dev.cofre.domain;

import java.util.function.Supplier;

/**
 * Runs work atomically against the stores: all its writes land, or none. A store implementation
 * may run the work on a single writer and commit several waiting units together.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
