package cn.reportarchive.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final Instant T0 = Instant.parse("2024-05-01T02:00:00Z");

    @TempDir
    Path dir;
    private final Instant[] now = {T0};
    private AuditLog log;

    @BeforeEach
    void open() throws Exception {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        log = new AuditLog(dir.resolve("catalog.db"), clock);
    }

    @AfterEach
    void close() throws Exception {
        log.close();
    }

    private void at(Instant t) {
        now[0] = t;
    }

    @Test
    void entriesAreFilteredByUserActionTargetAndTimeNewestFirst() throws Exception {
        log.append("zhang", "127.0.0.1", AuditAction.LOGIN, null, Map.of());
        at(T0.plus(Duration.ofHours(1)));
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("q", "八项规定");
        search.put("year", "2023");
        log.append("zhang", "127.0.0.1", AuditAction.SEARCH, null, search);
        at(T0.plus(Duration.ofDays(1)));
        log.append("li", "10.0.0.7", AuditAction.VIEW, "abc123", Map.of("title", "对照检查材料"));

        AuditLog.Page all = log.query(AuditQuery.all());
        assertEquals(3, all.total());
        assertEquals(List.of("view", "search", "login"), all.entries().stream().map(AuditEntry::action).toList());
        AuditEntry s = all.entries().get(1);
        assertEquals(Map.of("q", "八项规定", "year", "2023"), s.detail());
        assertEquals(T0.plus(Duration.ofHours(1)), s.at());
        assertEquals("127.0.0.1", s.address());

        assertEquals(2, log.query(new AuditQuery("zhang", null, null, null, null, 1, 10)).total());
        assertEquals(1, log.query(new AuditQuery(null, "search", null, null, null, 1, 10)).total());
        assertEquals(1, log.query(new AuditQuery(null, null, "abc123", null, null, 1, 10)).total());
        AuditLog.Page firstDay = log.query(new AuditQuery(null, null, null, T0, T0.plus(Duration.ofDays(1)), 1, 10));
        assertEquals(2, firstDay.total(), "the end is exclusive");
        AuditLog.Page paged = log.query(new AuditQuery(null, null, null, null, null, 2, 2));
        assertEquals(3, paged.total());
        assertEquals(List.of("login"), paged.entries().stream().map(AuditEntry::action).toList());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
        log.append("zhang", "127.0.0.1", AuditAction.DELETE, "abc123", Map.of("title", "某材料"));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
             Statement s = db.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit SET username = 'nobody'"));
            assertTrue(update.getMessage().contains("审计日志只能追加"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit"));
            assertTrue(delete.getMessage().contains("审计日志只能追加"), delete.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT username, count(*) FROM audit")) {
                assertTrue(rs.next());
                assertEquals("zhang", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
        }
        // reopening keeps the triggers (CREATE … IF NOT EXISTS) and the entry
        log.close();
        open();
        assertEquals(1, log.query(AuditQuery.all()).total());
    }

    @Test
    void concurrentWritersAreAllRecordedEachWithItsOwnId() throws Exception {
        int threads = 8;
        int each = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "u" + t;
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    AuditEntry e = log.append(user, "127.0.0.1", AuditAction.SEARCH, null, Map.of("i", i));
                    mine.add(e.id());
                }
                return mine;
            }));
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (var f : futures) {
            ids.addAll(f.get());
        }
        pool.shutdown();
        assertEquals(threads * each, ids.size(), "every append got its own id");
        assertEquals(threads * each, log.query(AuditQuery.all()).total());
        for (int t = 0; t < threads; t++) {
            assertEquals(each, log.query(new AuditQuery("u" + t, null, null, null, null, 1, 10)).total());
        }
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(log.query(AuditQuery.all()).entries().get(0).id(), max);
    }

    @Test
    void idsOnlyGrowAndLongTextsAreCut() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(log.append("u", "a", AuditAction.SEARCH, null, Map.of("q", "词".repeat(5000))).id());
        }
        assertTrue(ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2), ids.toString());
        String q = (String) log.query(AuditQuery.all()).entries().get(0).detail().get("q");
        assertEquals(2001, q.length());
    }

    @Test
    void csvHasABomAHeaderLocalTimeAndNoFormulas() throws Exception {
        log.append("zhang", "127.0.0.1", AuditAction.SEARCH, null, Map.of("q", "-乡镇"));
        log.append("=HYPERLINK(\"http://x\")", "127.0.0.1", AuditAction.LOGIN_FAILED, null, Map.of("reason", "wrong-password"));
        // more than one chunk of the export, written from several threads (group commit keeps it quick)
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(16);
        pool.submit(() -> java.util.stream.IntStream.range(0, 1500).parallel().forEach(i -> {
            try {
                log.append("li", "10.0.0.7", AuditAction.VIEW, "id" + i, Map.of());
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        })).get();
        pool.shutdown();
        StringWriter out = new StringWriter();
        try (AuditCsv csv = new AuditCsv(out, ZoneId.of("Asia/Shanghai"))) {
            log.forEach(AuditQuery.all(), csv::write);
        }
        String text = out.toString();
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(1502, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals("2024-05-01 10:00:00.000", first.get("时间"));
        assertEquals("检索", first.get("操作"));
        assertEquals("search", first.get("操作代码"));
        assertEquals("检索式：-乡镇", first.get("详情")); // in Chinese, as the page shows it
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(1).get("用户"));
        assertEquals(java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "id" + i).collect(java.util.stream.Collectors.toSet()),
                rows.subList(2, 1502).stream().map(r -> r.get("对象")).collect(java.util.stream.Collectors.toSet()));
        for (int i = 1; i < rows.size(); i++) { // oldest first
            assertTrue(Long.parseLong(rows.get(i - 1).get("编号")) < Long.parseLong(rows.get(i).get("编号")));
        }
        assertEquals(List.of(AuditCsv.HEADER), List.copyOf(rows.get(0).getParser().getHeaderNames()));
    }
}
