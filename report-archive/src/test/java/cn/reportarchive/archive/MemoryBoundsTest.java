package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import or an upload may hold in memory at once: bounded by bytes, not by file count alone. */
@Tag("integration")
class MemoryBoundsTest {
    @TempDir
    Path data;

    @TempDir
    Path folder;

    @Test
    void batchesAreCutByBytesAsWellAsByCount() throws Exception {
        for (int i = 0; i < 10; i++) {
            Files.write(folder.resolve("r" + i + ".txt"), new byte[i < 5 ? 100 : 1000]);
        }
        List<BulkImport.PlannedFile> plan = BulkImport.plan(List.of(folder));
        try (Application app = ArchiveFixture.open(data)) {
            List<List<BulkImport.PlannedFile>> batches = new BulkImport(app.archive(), 1, 4, 1500).batches(plan);
            // five of 100 bytes: four by count, then one; five of 1000: one each, as two would be over 1500
            assertEquals(List.of(4, 2, 1, 1, 1, 1), batches.stream().map(List::size).toList());
            assertEquals(plan, batches.stream().flatMap(List::stream).toList());
        }
    }

    @Test
    void uploadsWaitForRoomAndGiveUpAfterTheWait() throws Exception {
        IntakeLimit limit = new IntakeLimit(100 * 1024, Duration.ofMillis(300));
        IntakeLimit.Ticket first = limit.admit(60 * 1024);
        IntakeLimit.Ticket second = limit.admit(40 * 1024);
        ArchiveBusyException busy = assertThrows(ArchiveBusyException.class, () -> limit.admit(1));
        assertTrue(busy.getMessage().contains("服务器正忙"), busy.getMessage());
        CompletableFuture<IntakeLimit.Ticket> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return limit.admit(50 * 1024);
            } catch (ArchiveBusyException e) {
                throw new IllegalStateException(e);
            }
        });
        first.close();
        first.close(); // twice gives back once
        waiting.get(5, TimeUnit.SECONDS).close();
        second.close();
        assertEquals(100 * 1024, limit.available());
    }
}
