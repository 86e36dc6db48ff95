package cn.reportarchive.archive;

import cn.reportarchive.index.ReportIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Checks an archive against itself without changing it: every catalogued original present and of its
 * recorded SHA-256, no original or index entry without a catalog row, every catalog row in the index,
 * the catalog database sound. Reads only (the catalog read-only, the index's last commit), so it runs
 * beside a serving archive; while another process writes, a mismatch that an import under way could
 * explain is looked at again once no write is half done ({@link WritesUnderWay}) and reported only if it stays.
 */
public final class ArchiveVerifier {
    /** How long a look again waits for a write under way (a large import batch on a loaded machine) to finish. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    public enum Kind {
        MISSING_ORIGINAL, ALTERED_ORIGINAL, ORPHAN_ORIGINAL, LEFTOVER_FILE, ORPHAN_INDEX_ENTRY, NOT_INDEXED,
        CATALOG_DAMAGED, INDEX_DAMAGED, INDEX_STALE, AUDIT_TAMPERED,
        /** The catalog's side tables against its report rows ({@link RowChecks}). */
        MISSING_TEXT, ORPHAN_TEXT, BAD_CORRECTION, UNIT_DIRECTORY;

        /** What an import or delete in another process shows for a moment. */
        boolean passing() {
            return this == ORPHAN_ORIGINAL || this == ORPHAN_INDEX_ENTRY || this == NOT_INDEXED || this == LEFTOVER_FILE
                    || this == MISSING_ORIGINAL || this == MISSING_TEXT || this == ORPHAN_TEXT || this == BAD_CORRECTION
                    || this == UNIT_DIRECTORY;
        }

        /**
         * What opening the archive or a reindex repairs (a text not kept is extracted again and kept);
         * the rest needs the original or the catalog back.
         */
        public boolean repairedByReindex() {
            return this != MISSING_ORIGINAL && this != ALTERED_ORIGINAL && this != CATALOG_DAMAGED
                    && this != AUDIT_TAMPERED && this != ORPHAN_TEXT && this != BAD_CORRECTION && this != UNIT_DIRECTORY;
        }
    }

    /** One thing wrong: its kind, the report or file it concerns, and the sentence that says it. */
    public record Problem(Kind kind, String subject, String message) {
    }

    public record Findings(int reports, int originals, boolean inUse, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final DataDirectory data;

    public ArchiveVerifier(Path dataDir) {
        this.data = new DataDirectory(dataDir);
    }

    public Findings verify() throws IOException, SQLException {
        if (!Files.isRegularFile(data.catalog())) {
            throw new IOException(data.root() + " 不是档案库目录（没有 catalog.db）");
        }
        try (Directory dir = FSDirectory.open(data.index()); Lock held = tryLock(dir)) {
            boolean inUse = held == null;
            Findings first = check(inUse);
            if (!inUse || first.problems().stream().noneMatch(p -> p.kind().passing())) {
                return first;
            }
            // a write half done when we looked is over once its process lets go of the lock; while we hold
            // it none starts, so what the second look finds is not passing, on a quiet machine or a loaded one
            Findings again;
            Optional<AutoCloseable> settled = WritesUnderWay.await(data.writesUnderWay(), PATIENCE);
            try {
                again = check(true);
            } finally {
                if (settled.isPresent()) {
                    release(settled.get());
                }
            }
            Set<Problem> stayed = new LinkedHashSet<>(again.problems());
            stayed.retainAll(new HashSet<>(first.problems()));
            List<Problem> kept = new ArrayList<>(again.problems().stream().filter(p -> !p.kind().passing()).toList());
            stayed.stream().filter(p -> p.kind().passing()).forEach(kept::add);
            return new Findings(again.reports(), again.originals(), true, kept);
        }
    }

    /** The index's write lock when no one holds it (then nothing changes while we look), else null. */
    private static Lock tryLock(Directory dir) throws IOException {
        try {
            return dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        } catch (LockObtainFailedException e) {
            return null;
        }
    }

    private Findings check(boolean inUse) throws IOException, SQLException {
        List<Problem> problems = new ArrayList<>();
        OriginalStore store = new OriginalStore(data.originals());
        Set<String> indexed;
        try {
            indexed = ReportIndex.reportIdsAt(data.index());
        } catch (IOException e) {
            indexed = null;
            problems.add(new Problem(Kind.INDEX_DAMAGED, "lucene", "索引无法读取（" + e.getClass().getSimpleName()
                    + "），请运行 reindex 重建索引。"));
        }
        // the audit log's chain and ids: an entry rewritten, removed or put out of order
        for (String tampered : cn.reportarchive.auth.AuditChain.check(data.catalog()).problems()) {
            problems.add(new Problem(Kind.AUDIT_TAMPERED, "audit", tampered));
        }
        try (Catalog catalog = Catalog.readOnly(data.catalog())) {
            List<String> damaged = catalog.integrityProblems();
            for (String damage : damaged) {
                problems.add(new Problem(Kind.CATALOG_DAMAGED, "catalog.db", "目录数据库 catalog.db 损坏：" + damage + "。"));
            }
            if (damaged.isEmpty()) { // pages that SQLite finds damaged say nothing about the rows on them
                problems.addAll(rowProblems());
            }
            if (catalog.indexStale()) {
                problems.add(new Problem(Kind.INDEX_STALE, "lucene",
                        "上次重建索引（reindex）被中断，索引与目录可能不一致，请再次运行 reindex。"));
            }
            Map<String, String> shaById = catalog.shaById();
            Set<String> stored = new HashSet<>(store.hashes());
            for (Map.Entry<String, String> row : shaById.entrySet()) {
                String id = row.getKey();
                String sha = row.getValue();
                String name = catalog.filenameOf(id).orElse("") + "（编号 " + id + "）";
                if (!stored.contains(sha)) {
                    problems.add(new Problem(Kind.MISSING_ORIGINAL, id, "原件缺失：" + name + "。"));
                } else if (!Hashes.sha256(store.pathOf(sha)).equals(sha)) {
                    problems.add(new Problem(Kind.ALTERED_ORIGINAL, id, "原件已被改动，内容与登记的 SHA-256 不符：" + name + "。"));
                }
                if (indexed != null && !indexed.contains(id)) {
                    problems.add(new Problem(Kind.NOT_INDEXED, id, "已登记但未编入索引，检索不到：" + name + "。"));
                }
            }
            Set<String> catalogued = new HashSet<>(shaById.values());
            for (String sha : stored) {
                if (!catalogued.contains(sha)) {
                    problems.add(new Problem(Kind.ORPHAN_ORIGINAL, sha, "原件没有对应的登记（多余的文件）："
                            + store.describe(store.pathOf(sha)) + "。"));
                }
            }
            for (Path leftover : store.leftovers()) {
                problems.add(new Problem(Kind.LEFTOVER_FILE, leftover.getFileName().toString(),
                        "中断的写入留下的临时文件：" + store.describe(leftover) + "。"));
            }
            if (indexed != null) {
                for (String id : indexed) {
                    if (!shaById.containsKey(id)) {
                        problems.add(new Problem(Kind.ORPHAN_INDEX_ENTRY, id, "索引中有目录里没有的材料（编号 " + id + "）。"));
                    }
                }
            }
            return new Findings(shaById.size(), stored.size(), inUse, problems);
        }
    }

    /** The unit directory, the corrections and the kept texts held against the report rows. */
    private List<Problem> rowProblems() {
        try {
            return RowChecks.check(data.catalog());
        } catch (SQLException e) {
            return List.of(new Problem(Kind.CATALOG_DAMAGED, "catalog.db", "目录数据库 catalog.db 中的单位目录、更正记录或保存的文本无法读取（"
                    + e.getClass().getSimpleName() + "）。"));
        }
    }

    private static void release(AutoCloseable lock) throws IOException {
        try {
            lock.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
