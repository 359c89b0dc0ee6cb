package dev.cofre.domain.card;

/** What may be kept and shown in the clear about a card number: BIN, last four, length, brand. */
public record MaskedPan(String bin, String lastFour, int length, Brand brand) {

    public MaskedPan {
        if (bin == null || !digits(bin, 6)) {
            throw new IllegalArgumentException("a BIN is six digits");
        }
        if (lastFour == null || !digits(lastFour, 4)) {
            throw new IllegalArgumentException("last four is four digits");
        }
        if (length < Pan.MIN_LENGTH || length > Pan.MAX_LENGTH) {
            throw new IllegalArgumentException("a card number has 12 to 19 digits");
        }
    }

    /** The vault API's mask: every digit but the last four hidden, as {@code ************0183}. */
    public String vaultMask() {
        return "*".repeat(length - 4) + lastFour;
    }

    /** The JustClick mask: BIN, stars, last four, as {@code 455187******0183}. */
    public String binAndLastFour() {
        return bin + "*".repeat(length - 10) + lastFour;
    }

    @Override
    public String toString() {
        return "MaskedPan[" + binAndLastFour() + ", " + brand.displayName() + "]";
    }

    /** Whether {@code text} is exactly {@code count} ASCII digits (built for every token read: no regular expression). */
    private static boolean digits(String text, int count) {
        return text.length() == count && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
