package dev.cofre.domain.merchant;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed client authentications, counted per (client id, source) in fixed windows and kept where
 * every server sees them, so that a limit holds across servers. A source is an address, or
 * {@link #ANY_SOURCE} for the client id's count over every address.
 */
public interface LoginFailures {

    String ANY_SOURCE = "*";

    /** The failures of one key in its current window, which started at {@code since}. */
    record Count(int failures, Instant since) {
    }

    /**
     * Counts one failure, atomically: the key's count goes up by one, or restarts at one (window
     * from {@code now}) if its window started {@code window} or longer ago. Returns the new count.
     */
    Count fail(String clientId, String source, Instant now, Duration window);

    /** The key's count, if its window started less than {@code window} before {@code now}. */
    Option<Count> current(String clientId, String source, Instant now, Duration window);

    /** Forgets the key's count (a success from that source). */
    void forget(String clientId, String source);

    /** Forgets every count whose window started at or before {@code before}; returns how many. */
    int purge(Instant before);
}
