package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * seed 002's metadata: the merchant's own key/value pairs, bounded so that nobody stores a
 * document in it: at most 50 keys, each key 1 to 40 characters, each value at most 500; no key or
 * value that looks like a card number ({@link EmbeddedCardNumbers}). Every dialect's metadata (orders,
 * Mercado Pago customers and payments) is read through this type.
 */
public record Metadata(LinkedHashMap<String, String> entries) {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final Metadata EMPTY = new Metadata(LinkedHashMap.empty());

    public Metadata {
        java.util.Objects.requireNonNull(entries, "entries");
    }

    public static Either<InvalidInput, Metadata> parse(String field, java.util.Map<String, String> raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(EMPTY);
        }
        if (raw.size() > MAX_KEYS) {
            return Either.left(InvalidInput.of(field, "must have at most " + MAX_KEYS + " keys"));
        }
        List<InvalidInput> errors = List.empty();
        for (var e : raw.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                errors = errors.append(InvalidInput.of(field, "keys must have 1 to " + MAX_KEY_LENGTH + " characters"));
            } else if (EmbeddedCardNumbers.in(key)) {
                // the key is not repeated: the field is named without it
                errors = errors.append(InvalidInput.of(field, "keys must not contain a card number"));
            } else if (e.getValue() == null || e.getValue().length() > MAX_VALUE_LENGTH) {
                errors = errors.append(InvalidInput.of(field + "." + key,
                        "must have at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (EmbeddedCardNumbers.in(e.getValue())) {
                errors = errors.append(InvalidInput.of(field + "." + key, "must not contain a card number"));
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(errors.reduce(InvalidInput::and));
        }
        return Either.right(new Metadata(LinkedHashMap.ofAll(raw)));
    }
}
