package dev.cofre.adapters.crypto;

/**
 * The vault's keys cannot be loaded or saved: a missing, malformed or too widely readable key
 * file, or bad configured keys. Fatal at start-up. The message names the file, line and setting,
 * never a key.
 */
public final class KeyFileException extends RuntimeException {

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
