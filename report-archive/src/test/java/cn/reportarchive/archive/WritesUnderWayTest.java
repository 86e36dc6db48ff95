package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's second look waits for a write half done, and a write waits for the look: the lock on <data>/.writing. */
class WritesUnderWayTest {
    @TempDir
    Path dir;

    @Test
    void aLookWaitsUntilTheWriteLetsGoAndHoldsOffTheNext() throws Exception {
        Path file = new DataDirectory(dir).writesUnderWay();
        try (WritesUnderWay writing = WritesUnderWay.open(file)) {
            AtomicBoolean written = new AtomicBoolean();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try (FileLock held = writing.hold()) {
                    holding.countDown();
                    finish.await();
                    written.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            holding.await();
            CompletableFuture<Optional<AutoCloseable>> look = CompletableFuture.supplyAsync(() -> {
                try {
                    Optional<AutoCloseable> lock = WritesUnderWay.await(file, Duration.ofMinutes(2));
                    assertTrue(written.get(), "the look came before the write was over");
                    return lock;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertFalse(look.isDone(), "the look did not wait");
            finish.countDown();
            write.get(1, TimeUnit.MINUTES);
            Optional<AutoCloseable> lock = look.get(1, TimeUnit.MINUTES);
            assertTrue(lock.isPresent());

            // while the look holds it, the next write waits
            AtomicBoolean secondWritten = new AtomicBoolean();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try (FileLock held = writing.hold()) {
                    secondWritten.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // room for the write to go ahead if it could: it must not
            assertFalse(secondWritten.get());
            assertFalse(second.isDone(), "the write did not wait for the look");
            lock.get().close();
            second.get(1, TimeUnit.MINUTES);
            assertTrue(secondWritten.get());
        }
    }

    @Test
    void aWriteThatOutlastsThePatienceIsNotWaitedForAndNoFileIsNoWait() throws Exception {
        Path file = new DataDirectory(dir).writesUnderWay();
        assertTrue(WritesUnderWay.await(file, Duration.ofMinutes(1)).isEmpty(), "an archive that never wrote");
        try (WritesUnderWay writing = WritesUnderWay.open(file); FileLock held = writing.hold()) {
            assertTrue(WritesUnderWay.await(file, Duration.ofMillis(200)).isEmpty());
        }
    }
}
