package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/** A card as the merchant sends it for vaulting: number, holder and expiry. No security code. */
public final class Card {

    private final Pan pan;
    private final CardHolder holder;
    private final CardExpiry expiry;

    public Card(Pan pan, CardHolder holder, CardExpiry expiry) {
        this.pan = java.util.Objects.requireNonNull(pan, "pan");
        this.holder = java.util.Objects.requireNonNull(holder, "holder");
        this.expiry = java.util.Objects.requireNonNull(expiry, "expiry");
    }

    /** Parses the three fields at once and reports every invalid one, named as given. */
    public static Either<InvalidInput, Card> parse(String numberField, String number,
                                                   String holderField, String holder,
                                                   String expiryField, String expiry) {
        return Validation.combine(
                        Validation.fromEither(Pan.parse(numberField, number)),
                        Validation.fromEither(CardHolder.parse(holderField, holder)),
                        Validation.fromEither(CardExpiry.parse(expiryField, expiry)))
                .ap(Card::new)
                .mapError(InvalidInput::all)
                .toEither();
    }

    public Pan pan() {
        return pan;
    }

    public CardHolder holder() {
        return holder;
    }

    public CardExpiry expiry() {
        return expiry;
    }

    public Brand brand() {
        return pan.brand();
    }

    @Override
    public String toString() {
        return "Card[" + pan.masked().vaultMask() + ", " + expiry.format() + "]";
    }
}
