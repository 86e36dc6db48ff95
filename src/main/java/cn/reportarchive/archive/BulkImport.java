package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports files and folders. A folder is walked recursively for the document types the archive
 * takes (other files, such as spreadsheets or Word's ~$ lock files, are passed over); a file
 * named explicitly is always tried. One bad file never stops the rest.
 */
public final class BulkImport {
    public static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of("docx", "doc", "wps", "pdf", "txt", "rtf", "odt", "htm", "html");

    private final ReportArchive archive;

    public BulkImport(ReportArchive archive) {
        this.archive = archive;
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
        int dot = name.lastIndexOf('.');
        return dot > 0 && DOCUMENT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Imports each file in turn, telling the listener after each one. */
    public ImportSummary run(List<PlannedFile> files, ImportMetadata given, Consumer<ImportOutcome> listener) {
        ImportSummary summary = new ImportSummary();
        for (PlannedFile planned : files) {
            ImportOutcome outcome = importOne(planned, given);
            summary.add(outcome);
            listener.accept(outcome);
        }
        return summary;
    }

    private ImportOutcome importOne(PlannedFile planned, ImportMetadata explicit) {
        Path file = planned.file();
        String name = file.toString();
        ImportMetadata given = explicit;
        if (planned.manifest() != null) {
            if (planned.manifest().problem() != null && explicit.year() == null) {
                return ImportOutcome.failed(name, planned.manifest().problem());
            }
            given = planned.manifest().metadata().overriddenBy(explicit);
        }
        try {
            if (!Files.exists(file)) {
                return ImportOutcome.failed(name, "文件不存在。");
            }
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                return ImportOutcome.failed(name, "无法读取该文件。");
            }
            if (Files.size(file) > archive.maxBytes()) {
                return ImportOutcome.failed(name, "文件大小超过上限（" + archive.maxBytes() / (1024 * 1024) + " MB），未导入。");
            }
            byte[] bytes = Files.readAllBytes(file);
            ImportOutcome outcome = archive.importFile(file.getFileName().toString(), bytes, given);
            return new ImportOutcome(name, outcome.status(), outcome.id(), outcome.error(), outcome.report());
        } catch (IOException e) {
            return ImportOutcome.failed(name, "读取文件失败（" + e.getMessage() + "）。");
        }
    }
}
