package cn.reportarchive.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * File bytes to normalised text. Tika detects the type and parses office formats; plain text
 * is decoded here because the charset choice for Chinese offices is narrow and known.
 * Every failure becomes an {@link ExtractionException} whose message a user can act on.
 */
public final class TikaExtractor implements AutoCloseable {
    private static final Set<String> SUPPORTED = Set.of(
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.ms-works",
            "application/vnd.wps-office.wps",
            "application/x-tika-msoffice",
            "application/pdf",
            "text/plain",
            "text/html",
            "application/xhtml+xml",
            "application/rtf",
            "application/vnd.oasis.opendocument.text");

    /** An OOXML file inside an encrypted OLE container: Word's "encrypt with password". */
    private static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";
    private static final String ENCRYPTED = "文件已加密（设有打开密码），无法读取内容，请提交未加密的文件。";

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Detector detector = parser.getDetector();
    private final ExtractionLimits limits;
    private final TextNormalizer normalizer;
    private final PlainTextDecoder plainText = new PlainTextDecoder();
    // Parsing runs on its own daemon thread so that a parser stuck in a loop can be abandoned.
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "extract");
        t.setDaemon(true);
        return t;
    });

    public TikaExtractor(ExtractionLimits limits, TextNormalizer normalizer) {
        this.limits = limits;
        this.normalizer = normalizer;
    }

    public ExtractionLimits limits() {
        return limits;
    }

    public ExtractedText extract(byte[] bytes, String filename) throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException("文件为空（0 字节），没有可导入的内容。");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ExtractionException(limits.tooLargeMessage());
        }
        String mediaType = detect(bytes, filename);
        if (ENCRYPTED_OOXML.equals(mediaType)) {
            throw new ExtractionException(ENCRYPTED);
        }
        if (!SUPPORTED.contains(mediaType)) {
            throw new ExtractionException("不支持的文件类型（" + mediaType
                    + "），请提交 Word（.docx/.doc）、WPS、PDF、RTF、ODT、HTML 或文本文件。");
        }
        if (mediaType.equals("text/plain") && claimsBinaryFormat(filename)) {
            throw new ExtractionException("文件扩展名为 ." + extension(filename)
                    + "，但内容不是有效的该类文件（可能已损坏或被改了扩展名），未导入。");
        }
        String raw = mediaType.equals("text/plain") ? limit(plainText.decode(bytes)) : parseWithTimeout(bytes, filename);
        String text = normalizer.normalize(raw, mediaType.equals("application/pdf"));
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new ExtractionException(mediaType.equals("application/pdf")
                    ? "PDF 中没有可提取的文字（可能是扫描件），请提交带文字层的 PDF 或原始 Word 文件。"
                    : "文件中没有可提取的文字。");
        }
        return new ExtractedText(text, mediaType);
    }

    /** The same character limit as the Tika path: what lies beyond it is not kept. */
    private String limit(String text) {
        return text.length() > limits.maxChars() ? text.substring(0, limits.maxChars()) : text;
    }

    /** Office and PDF files are never plain text inside; such a file is broken or misnamed. */
    private static boolean claimsBinaryFormat(String filename) {
        return Set.of("docx", "doc", "wps", "pdf", "odt").contains(extension(filename));
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private String detect(byte[] bytes, String filename) throws ExtractionException {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        try (InputStream in = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(in, metadata);
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new ExtractionException("无法识别文件类型：" + e.getMessage(), e);
        }
    }

    private String parseWithTimeout(byte[] bytes, String filename) throws ExtractionException {
        Future<String> result = worker.submit(() -> parse(bytes, filename));
        try {
            return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ExtractionException("解析超时（超过 " + limits.timeout().toSeconds() + " 秒），文件可能已损坏。");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException("解析被中断。");
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private String parse(byte[] bytes, String filename) throws Exception {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            // Over the character limit: what was read so far is the document as far as we keep it.
        }
        return handler.toString();
    }

    private static ExtractionException translate(Throwable cause) {
        if (cause instanceof EncryptedDocumentException) {
            return new ExtractionException(ENCRYPTED, cause);
        }
        if (cause instanceof ZeroByteFileException) {
            return new ExtractionException("文件为空，没有可导入的内容。", cause);
        }
        if (cause instanceof TikaException || cause instanceof IOException) {
            return new ExtractionException("文件已损坏或格式不正确，无法读取（" + shortReason(cause) + "）。", cause);
        }
        if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
            return new ExtractionException("文件结构异常，解析时超出资源限制，未导入。", cause);
        }
        return new ExtractionException("解析文件时出错（" + shortReason(cause) + "）。", cause);
    }

    private static String shortReason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String reason = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
