package cn.reportarchive.archive;

import cn.reportarchive.extract.DocumentFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports files and folders. A folder is walked recursively for the document types the archive
 * takes (other files, such as spreadsheets or Word's ~$ lock files, are passed over); a file
 * named explicitly is always tried. One bad file never stops the rest.
 */
public final class BulkImport {
    /** The extensions a folder import picks up: {@link DocumentFormats#EXTENSIONS}. */
    public static final Set<String> DOCUMENT_EXTENSIONS = Set.copyOf(DocumentFormats.EXTENSIONS);

    /** Files per commit: enough to spread the cost of a commit (its syncs), few enough to hold in memory. */
    public static final int DEFAULT_BATCH = 256;
    /** Bytes of originals per batch: 256 reports of text are a few megabytes, 256 scanned PDFs could be gigabytes. */
    public static final long DEFAULT_BATCH_BYTES = 64L * 1024 * 1024;

    private final ReportArchive archive;
    private final int threads;
    private final int batchSize;
    private final long batchBytes;

    public BulkImport(ReportArchive archive) {
        this(archive, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    public BulkImport(ReportArchive archive, int threads, int batchSize) {
        this(archive, threads, batchSize, DEFAULT_BATCH_BYTES);
    }

    public BulkImport(ReportArchive archive, int threads, int batchSize, long batchBytes) {
        this.archive = archive;
        this.threads = Math.max(1, threads);
        this.batchSize = Math.max(1, batchSize);
        this.batchBytes = Math.max(1, batchBytes);
    }

    /** A file to import, with what its folder's metadata.csv says of it. */
    public record PlannedFile(Path file, MetadataManifest.Entry manifest) {
    }

    /** The files an import of these paths will try, in a stable order. */
    public static List<PlannedFile> plan(List<Path> paths) throws IOException {
        List<PlannedFile> files = new ArrayList<>();
        Map<Path, Map<String, MetadataManifest.Entry>> manifests = new HashMap<>();
        for (Path path : paths) {
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(BulkImport::isDocument).sorted().forEach(found::add);
                }
            } else {
                found.add(path);
            }
            for (Path file : found) {
                Path dir = file.toAbsolutePath().getParent();
                Map<String, MetadataManifest.Entry> manifest = manifests.get(dir);
                if (manifest == null) {
                    manifest = MetadataManifest.read(dir);
                    manifests.put(dir, manifest);
                }
                files.add(new PlannedFile(file, manifest.get(file.getFileName().toString())));
            }
        }
        return files;
    }

    static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        return name.lastIndexOf('.') > 0 && DocumentFormats.accepted(name);
    }

    /**
     * Imports the files: read and parsed on all cores, committed a batch at a time (each report of
     * a batch whole or absent), the next batch prepared while one is committed. The listener hears of
     * every file once its batch is committed, in the given order. A file already archived is a
     * duplicate, so running an interrupted import again finishes it.
     */
    public ImportSummary run(List<PlannedFile> files, ImportMetadata given, Consumer<ImportOutcome> listener) {
        ImportSummary summary = new ImportSummary();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<PlannedFile>> batches = batches(files);
            List<Future<ReportArchive.Prepared>> next = submit(pool, batches, 0, given);
            int done = 0;
            for (int b = 0; b < batches.size(); b++) {
                List<Future<ReportArchive.Prepared>> current = next;
                next = submit(pool, batches, b + 1, given);
                List<ReportArchive.Prepared> prepared = new ArrayList<>();
                for (Future<ReportArchive.Prepared> f : current) {
                    prepared.add(get(f));
                }
                List<ImportOutcome> outcomes = archive.commit(prepared);
                for (int i = 0; i < outcomes.size(); i++) {
                    ImportOutcome o = outcomes.get(i);
                    ImportOutcome named = new ImportOutcome(files.get(done + i).file().toString(), o.status(), o.id(),
                            o.error(), o.report());
                    summary.add(named);
                    listener.accept(named);
                }
                done += outcomes.size();
            }
        } finally {
            pool.shutdownNow();
        }
        if (addsTenthOrMore(summary)) {
            // an archive written in batches is left in many segments; one is faster to search
            archive.mergeIndex();
        }
        return summary;
    }

    /** Whether the import added a tenth of the archive or more: worth rewriting the index for, where one file is not. */
    private boolean addsTenthOrMore(ImportSummary summary) {
        try {
            return summary.imported() > 0 && summary.imported() * 10L >= archive.count();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * The files cut into batches of at most {@code batchSize} files and {@code batchBytes} bytes (a
     * file larger than that is a batch of its own): a batch's files are held in memory until it is
     * committed, and the next batch is read meanwhile, so two batches bound what an import holds.
     */
    List<List<PlannedFile>> batches(List<PlannedFile> files) {
        List<List<PlannedFile>> batches = new ArrayList<>();
        List<PlannedFile> batch = new ArrayList<>();
        long bytes = 0;
        for (PlannedFile f : files) {
            long size = sizeOf(f.file());
            if (!batch.isEmpty() && (batch.size() >= batchSize || bytes + size > batchBytes)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(f);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** What reading the file will hold: nothing for a file that will be refused before it is read. */
    private long sizeOf(Path file) {
        try {
            long size = Files.size(file);
            return size > archive.maxBytes() ? 0 : size;
        } catch (IOException e) {
            return 0;
        }
    }

    private List<Future<ReportArchive.Prepared>> submit(ExecutorService pool, List<List<PlannedFile>> batches, int b,
                                                        ImportMetadata given) {
        List<Future<ReportArchive.Prepared>> futures = new ArrayList<>();
        if (b < batches.size()) {
            for (PlannedFile planned : batches.get(b)) {
                futures.add(pool.submit(() -> prepareOne(planned, given)));
            }
        }
        return futures;
    }

    private static ReportArchive.Prepared get(Future<ReportArchive.Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("导入被中断。", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("导入时出现意外错误：" + e.getCause(), e.getCause());
        }
    }

    private ReportArchive.Prepared prepareOne(PlannedFile planned, ImportMetadata explicit) {
        Path file = planned.file();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ImportMetadata given = explicit;
        if (planned.manifest() != null) {
            if (planned.manifest().problem() != null && explicit.year() == null) {
                return failed(name, given, planned.manifest().problem());
            }
            given = planned.manifest().metadata().overriddenBy(explicit);
            if (given.problem() != null) {
                return failed(name, given, MetadataManifest.FILE_NAME + " 中该文件的" + given.problem());
            }
        }
        try {
            if (!Files.exists(file)) {
                return failed(name, given, "文件不存在。");
            }
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                return failed(name, given, "无法读取该文件。");
            }
            if (Files.size(file) > archive.maxBytes()) {
                return failed(name, given, archive.tooLargeMessage());
            }
            return archive.prepare(name, Files.readAllBytes(file), given);
        } catch (IOException e) {
            return failed(name, given, "读取文件失败（" + e.getMessage() + "）。");
        }
    }

    private static ReportArchive.Prepared failed(String name, ImportMetadata given, String why) {
        return new ReportArchive.Prepared(name, null, given, null, ImportOutcome.failed(name, why));
    }
}
