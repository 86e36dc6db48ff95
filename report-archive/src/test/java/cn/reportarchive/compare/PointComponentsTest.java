package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's grouped reads (a report's points in one row, a band's links in one row) give every point
 * and every link exactly once, whatever the ords (hashes: negative, extreme) and when one band's links name
 * more than one representative; the union-find built from them joins what the links join and no more.
 */
class PointComponentsTest {
    @TempDir
    Path tmp;

    private static final long LOW = Long.MIN_VALUE + 1;
    private static final long HIGH = Long.MAX_VALUE;

    private static void point(CopyStore store, long ord, String id, String unit, Integer year) throws Exception {
        store.putPoint(new CopyStore.PointRow(ord, id, "问题（一）第1条", "政治", "学习不够深入" + ord, unit, "张三", year));
    }

    private CopyStore filled() throws Exception {
        CopyStore store = new CopyStore(tmp.resolve("copies.db"));
        point(store, -5, "a", "临江县财政局", 2023);
        point(store, 7, "a", "临江县财政局", 2023);
        point(store, 100, "a", "临江县财政局", 2023);
        point(store, LOW, "b", "临江县审计局", 2022);
        point(store, 42, "b", "临江县审计局", 2022);
        point(store, 9, "c", null, null);
        point(store, HIGH, "d", "云溪县林业局", 2024);
        point(store, 501, "d", "云溪县林业局", 2024);
        point(store, 600, "d", "云溪县林业局", 2024); // linked to nothing
        store.putLink(1, 7, -5);
        store.putLink(1, 100, -5);
        store.putLink(2, 42, -5); // band 2 names two representatives
        store.putLink(2, 9, 42);
        store.putLink(3, LOW, 42);
        store.putLink(4, 501, HIGH);
        return store;
    }

    @Test
    void everyLinkAndEveryPointIsReadOnce() throws Exception {
        try (CopyStore store = filled()) {
            Set<String> links = new TreeSet<>();
            int[] count = {0};
            store.forEachLink((ord, rep) -> {
                links.add(ord + "->" + rep);
                count[0]++;
            });
            assertEquals(new TreeSet<>(List.of("7->-5", "100->-5", "42->-5", "9->42", LOW + "->42", "501->" + HIGH)), links);
            assertEquals(6, count[0]);

            Map<String, String> reports = new HashMap<>();
            store.forEachReportPoints((id, unit, year, ords) -> {
                long[] sorted = ords.clone();
                Arrays.sort(sorted);
                assertNull(reports.put(id, unit + "/" + year + "/" + Arrays.toString(sorted)), "one row per report");
            });
            assertEquals(Map.of("a", "临江县财政局/2023/[-5, 7, 100]", "b", "临江县审计局/2022/[" + LOW + ", 42]",
                    "c", "null/null/[9]", "d", "云溪县林业局/2024/[501, 600, " + HIGH + "]"), reports);
        }
    }

    @Test
    void theGroupsJoinWhatTheLinksJoin() throws Exception {
        try (CopyStore store = filled()) {
            PointComponents c = PointComponents.read(store);
            assertEquals(9, c.size());
            Map<Long, Integer> at = new HashMap<>();
            for (int i = 0; i < c.size(); i++) {
                at.put(c.ord(i), i);
                if (i > 0) {
                    assertTrue(c.ord(i - 1) < c.ord(i), "ascending ords");
                }
            }
            int big = c.root(at.get(-5L));
            for (long ord : new long[] {7, 100, 42, 9, LOW}) {
                assertEquals(big, c.root(at.get(ord)), ord + " joined through the links");
                assertTrue(c.linked(at.get(ord)));
            }
            assertEquals(c.root(at.get(HIGH)), c.root(at.get(501L)));
            assertNotEquals(big, c.root(at.get(HIGH)));
            assertFalse(c.linked(at.get(600L)));
            int low = at.get(LOW);
            assertEquals("b", c.report(low));
            assertEquals("临江县审计局", c.unit(low));
            assertTrue(c.inYear(low, 2022));
            assertFalse(c.inYear(low, 2023));
            assertTrue(c.inYear(low, null));
            assertNull(c.unit(at.get(9L)));
            assertFalse(c.inYear(at.get(9L), 2023));
        }
    }
}
