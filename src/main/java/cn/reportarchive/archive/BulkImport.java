package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The files an import of these paths will try, in a stable order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(BulkImport::isDocument).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
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
    public ImportSummary run(List<Path> files, ImportMetadata given, Consumer<ImportOutcome> listener) {
        ImportSummary summary = new ImportSummary();
        for (Path file : files) {
            ImportOutcome outcome = importOne(file, given);
            summary.add(outcome);
            listener.accept(outcome);
        }
        return summary;
    }

    private ImportOutcome importOne(Path file, ImportMetadata given) {
        String name = file.toString();
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
