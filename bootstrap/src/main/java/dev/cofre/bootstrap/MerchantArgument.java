package dev.cofre.bootstrap;

import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import io.vavr.control.Try;

/** How an operator names a merchant on the command line: its id, or its exact name if only one has it. */
final class MerchantArgument {

    private MerchantArgument() {
    }

    static Option<Merchant> find(List<Merchant> all, String idOrName) {
        return Try.of(() -> MerchantId.of(idOrName)).toOption()
                .flatMap(id -> all.find(m -> m.id().equals(id)))
                .orElse(() -> all.filter(m -> m.name().equals(idOrName)).singleOption());
    }

    static String notFound(String idOrName) {
        return "No single merchant has id or name '" + idOrName + "'";
    }
}
