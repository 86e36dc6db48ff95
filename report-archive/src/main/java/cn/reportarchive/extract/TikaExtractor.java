package cn.reportarchive.extract;

import cn.reportarchive.extract.ocr.OcrSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

/**
 * File bytes to normalised text. Plain text is decoded here, in this process: the charset choice for
 * Chinese offices is narrow and known, and decoding cannot run away. Every other format goes to a
 * {@link DocumentReader}: Tika in child processes ({@link #isolated}), or in this process
 * (the constructor; for tests and measurements). Every failure becomes an
 * {@link ExtractionException} whose message a user can act on.
 */
public final class TikaExtractor implements AutoCloseable {
    /** Magic bytes and file name only: enough to tell plain text from the rest, never opens a container. */
    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private final ExtractionLimits limits;
    private final TextNormalizer normalizer;
    private final DocumentReader reader;

    /** Parses in this process: a runaway parser keeps running on its thread after the time-out. */
    public TikaExtractor(ExtractionLimits limits, TextNormalizer normalizer) {
        this(limits, normalizer, OcrSettings.defaults());
    }

    /** The same with OCR's own settings (a test on a busy machine gives a page more time). */
    public TikaExtractor(ExtractionLimits limits, TextNormalizer normalizer, OcrSettings ocr) {
        this(limits, normalizer, new InProcessReader(limits, ocr));
    }

    private TikaExtractor(ExtractionLimits limits, TextNormalizer normalizer, DocumentReader reader) {
        this.limits = limits;
        this.normalizer = normalizer;
        this.reader = reader;
    }

    /** Parses Office, PDF and HTML in child processes that are killed on time-out and bounded in memory. */
    public static TikaExtractor isolated(ExtractionLimits limits, TextNormalizer normalizer, WorkerSettings workers) {
        return isolated(limits, normalizer, workers, OcrSettings.defaults());
    }

    /** The same with OCR's own settings (resolution, time a page, pages a file). */
    public static TikaExtractor isolated(ExtractionLimits limits, TextNormalizer normalizer, WorkerSettings workers,
                                         OcrSettings ocr) {
        return new TikaExtractor(limits, normalizer, new WorkerReader(limits, workers, ocr));
    }

    DocumentReader reader() {
        return reader;
    }

    /**
     * Tells {@code listener} of every page OCR starts, in any thread that extracts (the CLI's progress
     * line); closing the handle stops it. In-process extraction (tests) reports no pages.
     */
    public AutoCloseable onPage(PageProgress listener) {
        return reader instanceof WorkerReader workers ? workers.onPage(listener) : () -> {
        };
    }

    public ExtractionLimits limits() {
        return limits;
    }

    static String timeoutMessage(Duration timeout) {
        long seconds = timeout.toSeconds();
        return "解析超时（超过 " + (seconds > 0 ? seconds + " 秒" : timeout.toMillis() + " 毫秒") + "），文件可能已损坏，未导入。";
    }

    public ExtractedText extract(byte[] bytes, String filename) throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException("文件为空（0 字节），没有可导入的内容。");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ExtractionException(limits.tooLargeMessage());
        }
        RawText raw = isPlainText(bytes, filename)
                ? new RawText(TikaReader.plainText(bytes, filename, limits.maxChars()), "text/plain")
                : reader.read(bytes, filename);
        boolean pdf = raw.mediaType().equals("application/pdf");
        // OCR gives lines at the page width, like a PDF: the same furniture, spaces and reflow apply
        String text = normalizer.normalize(raw.text(), pdf || raw.ocr());
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new ExtractionException(pdf
                    ? "PDF 中没有可提取的文字，也没有可识别的扫描件页面，请提交带文字层的 PDF 或原始 Word 文件。"
                    : "文件中没有可提取的文字。");
        }
        return new ExtractedText(text, raw.mediaType(), raw.ocr(), raw.unreadable());
    }

    /** What the magic bytes and the name say; Office, PDF, zip and OLE files all have magic. */
    private static boolean isPlainText(byte[] bytes, String filename) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        try (InputStream in = TikaInputStream.get(bytes)) {
            return MAGIC.detect(in, metadata).getBaseType().toString().equals("text/plain");
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("无法识别文件类型，文件可能已损坏，未导入。", e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
