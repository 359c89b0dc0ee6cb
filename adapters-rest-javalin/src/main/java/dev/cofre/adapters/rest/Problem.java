package dev.cofre.adapters.rest;

/**
 * One thing wrong with a request, before a dialect prints it in its own error format: the HTTP
 * status, a stable code (seed 004's 701-799 where it has one), a message, and the wire field it
 * is about (null when it is about the whole request). Never holds the offending value; and since a
 * field's name may itself come from the caller (a metadata key, a misplaced JSON name), anything in
 * the message or field name that looks like a card number is masked, for every dialect at once.
 */
public record Problem(int status, int code, String message, String field) {

    public Problem {
        message = dev.cofre.domain.card.EmbeddedCardNumbers.masked(message);
        field = dev.cofre.domain.card.EmbeddedCardNumbers.masked(field);
    }

    public static Problem of(int status, int code, String message) {
        return new Problem(status, code, message, null);
    }

    /** Cofre's own codes for problems of the HTTP exchange itself (790-798). */
    public static final int MALFORMED_JSON = 790;
    public static final int UNKNOWN_FIELD = 791;
    public static final int WRONG_TYPE = 792;
    public static final int TOO_LARGE = 793;
    public static final int UNSUPPORTED_MEDIA_TYPE = 794;
    public static final int UNKNOWN_PATH = 795;
    public static final int METHOD_NOT_ALLOWED = 796;
    public static final int UNAUTHENTICATED = 797;
    public static final int INTERNAL = 798;
}
