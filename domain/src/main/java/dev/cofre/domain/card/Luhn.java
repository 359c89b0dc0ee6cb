package dev.cofre.domain.card;

/** The Luhn (mod 10) check digit used by every card number. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean isValid(String digits) {
        return sum(digits, false) % 10 == 0;
    }

    /** The digit that, appended to {@code payload}, makes it Luhn-valid. */
    public static char checkDigit(String payload) {
        int s = sum(payload, true);
        return (char) ('0' + (10 - s % 10) % 10);
    }

    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }
}
