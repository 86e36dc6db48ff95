package cn.reportarchive.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The audit log as a hash chain: each entry holds the SHA-256 of the one before ({@code prev}) and
 * its own ({@code hash}, over its id, time, user, address, action, target, detail and {@code prev}).
 * An entry rewritten in place (REPLACE INTO fires no delete trigger), removed, or put out of order
 * breaks the chain or the run of ids, and {@link #problems} says where; so does a missing trigger or
 * a tail cut off (the id counter ahead of the last entry).
 *
 * <p>What the chain cannot tell by itself: someone with write access to the file who rewrites every
 * entry from the first on and the counter too. Against that, {@code verify} prints the last hash
 * (the head), to be noted elsewhere (a printed report, another machine) and compared later.
 */
public final class AuditChain {
    /** The prev of the first entry. */
    static final String GENESIS = "0".repeat(64);
    static final List<String> TRIGGERS = List.of("audit_no_update", "audit_no_delete", "audit_append_only");

    private AuditChain() {
    }

    /** The hash of an entry: each field length-prefixed, so no two different entries read alike. */
    static String hash(long id, long atMillis, String user, String address, String action, String target,
                       String detailJson, String prev) {
        StringBuilder s = new StringBuilder();
        for (String f : new String[] {Long.toString(id), Long.toString(atMillis), user, address, action, target,
                detailJson, prev}) {
            if (f == null) {
                s.append("-1:");
            } else {
                s.append(f.length()).append(':').append(f);
            }
            s.append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** What a check found: the sentences, the entries read and the head (last hash, or null). */
    public record Report(List<String> problems, long entries, String head) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks the audit log of a catalog file, read-only (it may be in use by serve). */
    public static Report check(Path catalogFile) throws SQLException {
        if (!Files.isRegularFile(catalogFile)) {
            return new Report(List.of(), 0, null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile.toAbsolutePath(), config.toProperties())) {
            return check(c);
        }
    }

    static Report check(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            if (!exists(s, "table", "audit")) {
                return new Report(List.of(), 0, null);
            }
            List<String> missing = new ArrayList<>();
            for (String t : TRIGGERS) {
                if (!exists(s, "trigger", t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                problems.add("审计日志的保护触发器被删除：" + String.join("、", missing) + "（日志可能已被改写）。");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit WHERE action = '"
                    + AuditAction.AUDIT_TRIGGERS_RESTORED.key() + "'")) {
                if (rs.next() && rs.getLong(1) > 0) {
                    problems.add("审计日志的保护触发器曾被删除后恢复（" + rs.getLong(1) + " 次，见操作“"
                            + AuditAction.AUDIT_TRIGGERS_RESTORED.label() + "”）：其间的记录可能已被改写。");
                }
            }
            String prev = GENESIS;
            long expectedId = -1;
            long count = 0;
            long lastId = 0;
            int reported = 0;
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, at, username, address, action, target, detail, prev, hash FROM audit ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    count++;
                    String stored = rs.getString(9);
                    String storedPrev = rs.getString(8);
                    String problem = null;
                    if (expectedId >= 0 && id != expectedId) {
                        problem = "审计日志缺少第 " + expectedId + (id - 1 > expectedId ? "–" + (id - 1) : "") + " 条记录（已被删除）。";
                    } else if (expectedId < 0 && id != 1) {
                        problem = "审计日志缺少开头的第 1" + (id > 2 ? "–" + (id - 1) : "") + " 条记录（已被删除）。";
                    } else if (stored == null || storedPrev == null) {
                        problem = "审计日志第 " + id + " 条记录没有校验值（不是本系统写入的）。";
                    } else if (!storedPrev.equals(prev)) {
                        problem = "审计日志第 " + id + " 条记录与前一条衔接不上（记录被删除、插入或调换了顺序）。";
                    } else if (!stored.equals(hash(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), storedPrev))) {
                        problem = "审计日志第 " + id + " 条记录的内容已被改写（与其校验值不符）。";
                    }
                    if (problem != null && reported++ < 20) {
                        problems.add(problem);
                    }
                    prev = stored == null ? "" : stored;
                    expectedId = id + 1;
                    lastId = id;
                }
            }
            if (reported > 20) {
                problems.add("审计日志另有 " + (reported - 20) + " 处问题未逐一列出。");
            }
            if (exists(s, "table", "sqlite_sequence")) {
                try (ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) {
                    if (rs.next() && rs.getLong(1) > lastId) {
                        problems.add("审计日志最后的第 " + (lastId + 1) + (rs.getLong(1) > lastId + 1 ? "–" + rs.getLong(1) : "")
                                + " 条记录已被删除。");
                    }
                }
            }
            return new Report(problems, count, count == 0 ? null : prev);
        }
    }

    private static boolean exists(Statement s, String type, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = '" + type + "' AND name = '" + name + "'")) {
            return rs.next();
        }
    }
}
