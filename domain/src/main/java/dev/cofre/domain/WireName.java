package dev.cofre.domain;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * An enumerated value with the word the seeds print for it. By default the constant's name in
 * lower case ({@code AUTH_ONLY} is {@code auth_only}); a type whose seed spells its words
 * otherwise ({@code FraudSuspicion}, {@code Token}) overrides {@link #wireName()}. The one way to
 * read such a word back.
 */
public interface WireName {

    /** Implemented by every enum: its constant's name. */
    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value whose wire name is {@code raw}, exactly; none for anything else (null included). */
    static <E extends Enum<E> & WireName> Option<E> find(Class<E> type, String raw) {
        return List.of(type.getEnumConstants()).find(v -> v.wireName().equals(raw));
    }

    /** The value whose wire name is {@code raw}, or the field error naming every accepted word. */
    static <E extends Enum<E> & WireName> Either<InvalidInput, E> parse(Class<E> type, String field, String raw) {
        return find(type, raw).toEither(() -> InvalidInput.of(field, "must be one of "
                + List.of(type.getEnumConstants()).map(WireName::wireName).mkString(", ")));
    }

    /** {@code FRAUD_SUSPICION} as {@code FraudSuspicion}: the spelling of the vault's seeds. */
    static String pascalCase(Enum<?> value) {
        return List.of(value.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .mkString();
    }
}
