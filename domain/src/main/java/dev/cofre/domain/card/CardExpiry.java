package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A card's expiry month. The card is good through the last day of that month. */
public record CardExpiry(YearMonth month) implements Comparable<CardExpiry> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})/(\\d{2}|\\d{4})");

    public CardExpiry {
        if (month == null) {
            throw new IllegalArgumentException("an expiry has a month");
        }
    }

    public static CardExpiry of(int year, int month) {
        return new CardExpiry(YearMonth.of(year, month));
    }

    /** Parses {@code MM/YYYY} or {@code MM/YY} (two-digit years are 20YY). */
    public static Either<InvalidInput, CardExpiry> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        var m = FORMAT.matcher(raw.trim());
        if (!m.matches()) {
            return Either.left(InvalidInput.invalid(field, "must be in the format MM/YYYY"));
        }
        return fromParts(field, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** From a month and a year that may have two or four digits, as the orders API sends them. */
    public static Either<InvalidInput, CardExpiry> fromParts(String field, int month, int year) {
        if (month < 1 || month > 12) {
            return Either.left(InvalidInput.invalid(field, "month must be between 01 and 12"));
        }
        int fullYear = year < 100 ? 2000 + year : year;
        if (fullYear < 2000 || fullYear > 2199) {
            return Either.left(InvalidInput.invalid(field, "year is out of range"));
        }
        return Either.right(of(fullYear, month));
    }

    /** The last day on which the card is good: the token's expiration date. */
    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    /** Expired once its month is over. */
    public boolean isExpiredOn(LocalDate day) {
        return day.isAfter(lastDay());
    }

    public boolean isExpired(Clock clock) {
        return isExpiredOn(LocalDate.now(clock));
    }

    /** {@code MM/YYYY}, as the vault and JustClick APIs print it. */
    public String format() {
        // by hand: String.format parses its pattern and looks up locale data on every call (5% of a GET)
        return padded(month.getMonthValue(), 2) + "/" + padded(month.getYear(), 4);
    }

    private static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public int compareTo(CardExpiry o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return format();
    }
}
