package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.SpentCryptograms;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Spent cryptogram digests in memory. It never sees a cryptogram, only its keyed hash. */
public final class InMemorySpentCryptograms implements SpentCryptograms {

    private final ConcurrentHashMap<CryptogramDigest, Instant> spent = new ConcurrentHashMap<>();

    @Override
    public boolean spend(CryptogramDigest digest, Instant at) {
        return spent.putIfAbsent(digest, at) == null;
    }
}
