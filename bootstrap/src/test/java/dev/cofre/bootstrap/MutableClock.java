package dev.cofre.bootstrap;

import java.time.Instant;

/** The shared test clock ({@link dev.cofre.application.testing.MutableClock}), under its old name here. */
final class MutableClock extends dev.cofre.application.testing.MutableClock {

    MutableClock(Instant start) {
        super(start);
    }
}
