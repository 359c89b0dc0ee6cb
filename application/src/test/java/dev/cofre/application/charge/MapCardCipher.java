package dev.cofre.application.charge;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the crypto adapter: "seals" a number by filing it under a counter. Tests only. */
final class MapCardCipher implements CardCipher {

    private final Map<Integer, Pan> filed = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public SealedPan seal(Pan pan, MerchantId merchant, TokenReference token) {
        int n = next.incrementAndGet();
        filed.put(n, pan);
        return new SealedPan(1, new byte[] {1}, ByteBuffer.allocate(4).putInt(n).array());
    }

    @Override
    public Either<VaultError, Pan> open(SealedPan sealed, MerchantId merchant, TokenReference token) {
        return Option.of(filed.get(ByteBuffer.wrap(sealed.ciphertext()).getInt()))
                .toEither(VaultError.SealBroken::new);
    }

    @Override
    public Fingerprint fingerprint(Pan pan) {
        return new Fingerprint(String.format("%064x", pan.hashCode() & 0xffffffffL));
    }

    @Override
    public int currentKeyVersion() {
        return 1;
    }

    @Override
    public Either<VaultError, SealedPan> rewrap(SealedPan sealed) {
        return Either.right(sealed);
    }
}
