package dev.cofre.domain.charge;

import io.vavr.control.Option;

/** An amount of money in integer cents of BRL, never negative. Sums that would overflow are refused. */
public record Amount(long cents) implements Comparable<Amount> {

    public static final String CURRENCY = "BRL";
    public static final Amount ZERO = new Amount(0);

    public Amount {
        if (cents < 0) {
            throw new IllegalArgumentException("an amount is never negative");
        }
    }

    public static Amount of(long cents) {
        return new Amount(cents);
    }

    /** The sum, or none if it would not fit in a long. */
    public Option<Amount> plusChecked(Amount other) {
        long sum = cents + other.cents;
        return ((cents ^ sum) & (other.cents ^ sum)) < 0 ? Option.none() : Option.some(new Amount(sum));
    }

    /** The sum of amounts already known to be bounded by a charge's amount. */
    public Amount plus(Amount other) {
        return new Amount(Math.addExact(cents, other.cents));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(cents, other.cents));
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean exceeds(Amount other) {
        return cents > other.cents;
    }

    @Override
    public int compareTo(Amount o) {
        return Long.compare(cents, o.cents);
    }

    @Override
    public String toString() {
        return cents + " " + CURRENCY + " cents";
    }
}
