package cn.reportarchive.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand: session expiry and login limits without sleeping. */
final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    TestClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(now.get(), z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
