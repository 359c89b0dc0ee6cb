package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Locale;

/** Parses the lower-case wire names of the orders API's enumerated fields into their enums. */
final class WireNames {

    private WireNames() {
    }

    static <E extends Enum<E>> Either<InvalidInput, E> parse(Class<E> type, String field, String raw) {
        List<E> values = List.of(type.getEnumConstants());
        return values.find(v -> wireName(v).equals(raw))
                .toEither(() -> InvalidInput.of(field, "must be one of " + values.map(WireNames::wireName).mkString(", ")));
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
