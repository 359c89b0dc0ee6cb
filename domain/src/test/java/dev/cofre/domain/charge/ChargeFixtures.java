package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.UUID;

/** Merchants for charge tests. */
public final class ChargeFixtures {

    private ChargeFixtures() {
    }

    public static Merchant merchant(Profile profile, boolean preAuth) {
        return new Merchant(new MerchantId(UUID.randomUUID()), "Stark Industries", profile, List.empty(),
                new Merchant.Features(preAuth, false), Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Merchant gateway() {
        return merchant(Profile.GATEWAY, true);
    }

    public static Merchant psp() {
        return merchant(Profile.PSP, false);
    }
}
