package dev.cofre.application.inmemory;

import dev.cofre.domain.Transactions;
import io.vavr.collection.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory stores: one unit of work at a time, and a unit that throws
 * leaves every store as it found it, as a database would. The stores keep immutable maps, so a
 * snapshot is a reference copy.
 */
public final class InMemoryTransactions implements Transactions {

    /** A store whose whole state can be captured and put back. */
    public interface Snapshotting {
        Object snapshot();

        void restore(Object snapshot);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Snapshotting> stores;

    public InMemoryTransactions(Snapshotting... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get(); // nested: the outermost unit owns the snapshot
            }
            List<Object> before = stores.map(Snapshotting::snapshot);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                stores.zip(before).forEach(s -> s._1.restore(s._2));
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
