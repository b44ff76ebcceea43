package news.masthead.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clocks. Production uses the system clock; tests move a {@link Settable} clock forward to make
 * schedules and expiries happen without waiting.
 */
public final class Clocks {
    private Clocks() {
    }

    /** A clock that stays where it is set. */
    public static final class Settable extends Clock {
        private final AtomicReference<Instant> now;

        public Settable(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        public void set(Instant instant) {
            now.set(instant);
        }

        public void advance(java.time.Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
