package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.NumberedCharge;
import dev.cofre.domain.charge.NumberedCharges;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;

/** Charge numbers in memory: one number per charge, one charge per number. */
public final class InMemoryNumberedCharges implements NumberedCharges {

    private final Map<Long, NumberedCharge> byNumber = new HashMap<>();
    private final Map<ChargeId, NumberedCharge> byCharge = new HashMap<>();

    @Override
    public synchronized Option<NumberedCharge> add(NumberedCharge numbered) {
        if (!byNumber.containsKey(numbered.number()) && !byCharge.containsKey(numbered.charge())) {
            byNumber.put(numbered.number(), numbered);
            byCharge.put(numbered.charge(), numbered);
        }
        return Option.of(byCharge.get(numbered.charge())).filter(n -> n.merchant().equals(numbered.merchant()));
    }

    @Override
    public synchronized Option<NumberedCharge> find(MerchantId merchant, long number) {
        return Option.of(byNumber.get(number)).filter(n -> n.merchant().equals(merchant));
    }
}
