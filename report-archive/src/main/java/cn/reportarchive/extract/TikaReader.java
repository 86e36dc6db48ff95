package cn.reportarchive.extract;

import cn.reportarchive.extract.ocr.OcrResult;
import cn.reportarchive.extract.ocr.OcrSettings;
import cn.reportarchive.extract.ocr.PageGate;
import cn.reportarchive.extract.ocr.PdfPageTexts;
import cn.reportarchive.extract.ocr.ScanReader;
import cn.reportarchive.extract.ocr.Tesseract;
import cn.reportarchive.extract.word.WordReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
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
import org.apache.tika.sax.TeeContentHandler;
import org.xml.sax.ContentHandler;

/**
 * Tika in this process: detects the type from the content and parses the file to raw text, with no
 * time limit of its own (the caller bounds the time). Every failure becomes an
 * {@link ExtractionException} whose message is one Chinese sentence a user can act on; the
 * technical reason stays in its cause, for the log.
 */
final class TikaReader {
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

    /** Photos and scans of pages: read by OCR ({@link ScanReader}). */
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/tiff");
    private static final String PDF = "application/pdf";

    /** An OOXML file inside an encrypted OLE container: Word's "encrypt with password". */
    private static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";
    static final String ENCRYPTED = "文件已加密（设有打开密码），无法读取内容，请提交未加密的文件。";
    static final String ZIP_BOMB = "文件内的压缩数据解压后异常膨胀（疑似“压缩炸弹”），未导入。";
    /** A container may inflate to this many times its size, or this much, whichever is more… */
    private static final int INFLATED_RATIO = 100;
    private static final long INFLATED_GRACE = 100L * 1024 * 1024;
    /** …but never to more than this. */
    private static final long INFLATED_MAX = 1024L * 1024 * 1024;
    static final String TOO_COMPLEX = "文件结构异常，解析时超出资源限制（内存或嵌套层数），未导入。";

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Detector detector = parser.getDetector();
    private final PlainTextDecoder plainText = new PlainTextDecoder();
    private final int maxChars;
    private final ScanReader scans;
    private final WordReader word;

    TikaReader(int maxChars) {
        this(maxChars, new ScanReader(new Tesseract(), OcrSettings.defaults(), PageGate.OPEN));
    }

    TikaReader(int maxChars, ScanReader scans) {
        this.maxChars = maxChars;
        this.scans = scans;
        this.word = new WordReader(maxChars);
    }

    RawText read(byte[] bytes, String filename) throws ExtractionException {
        String mediaType = detect(bytes, filename);
        if (ENCRYPTED_OOXML.equals(mediaType)) {
            throw new ExtractionException(ENCRYPTED);
        }
        if (IMAGES.contains(mediaType)) {
            return scanned(ocr(() -> scans.readImage(bytes)), mediaType);
        }
        if (!SUPPORTED.contains(mediaType)) {
            throw new ExtractionException("不支持的文件类型（" + mediaType
                    + "），请提交 Word（.docx/.doc）、WPS、PDF、RTF、ODT、HTML、文本文件或扫描图片（JPG/PNG/TIF）。");
        }
        if (mediaType.equals("text/plain")) {
            return new RawText(plainText(bytes, filename, maxChars), mediaType);
        }
        checkInflatedSize(bytes);
        PdfPageTexts pages = mediaType.equals(PDF) ? new PdfPageTexts() : null;
        String text;
        try {
            Optional<String> asWordShowsIt = WordReader.reads(mediaType) ? word.read(bytes, mediaType) : Optional.empty();
            if (asWordShowsIt.isPresent()) {
                return new RawText(asWordShowsIt.get(), mediaType); // list labels, no page furniture
            }
            text = parse(bytes, filename, pages == null ? null : new BodyContentHandler(pages));
        } catch (Exception | StackOverflowError e) {
            throw translate(e);
        }
        if (pages != null && ScanReader.mayNeedOcr(pages.pages())) {
            OcrResult read = ocr(() -> scans.readPdf(bytes, pages.pages()));
            if (read != null) {
                return scanned(read, mediaType);
            }
        }
        return new RawText(text, mediaType);
    }

    private interface Ocr {
        OcrResult run() throws ExtractionException, IOException, InterruptedException;
    }

    /** OCR's failures in the user's words; a page it could not read is not one (it is a problem of the result). */
    private static OcrResult ocr(Ocr ocr) throws ExtractionException {
        try {
            return ocr.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("解析被中断。", e);
        } catch (IOException e) {
            throw new ExtractionException("扫描件文字识别程序运行出错，文件未导入，请稍后重试。", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw translate(e);
        }
    }

    private RawText scanned(OcrResult read, String mediaType) {
        String text = read.text().length() > maxChars ? read.text().substring(0, maxChars) : read.text();
        return new RawText(text, mediaType, read.pagesRead() > 0, read.problems());
    }

    /** Plain text decoded here, whichever process detected it; a file named as Office or PDF is refused. */
    static String plainText(byte[] bytes, String filename, int maxChars) throws ExtractionException {
        if (claimsBinaryFormat(filename)) {
            throw new ExtractionException("文件扩展名为 ." + extension(filename)
                    + "，但内容不是有效的该类文件（可能已损坏或被改了扩展名），未导入。");
        }
        String text = new PlainTextDecoder().decodeChecked(bytes);
        // the same character limit as the parsers: what lies beyond it is not kept
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    /** Office and PDF files are never plain text inside; such a file is broken or misnamed. */
    private static boolean claimsBinaryFormat(String filename) {
        return Set.of("docx", "doc", "wps", "pdf", "odt", "jpg", "jpeg", "png", "tif", "tiff").contains(extension(filename));
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * A zip container (docx, odt) whose entries inflate far beyond the file is refused before a parser
     * builds it in memory: POI's own ratio check let a 200 MB document of blanks through to an
     * out-of-memory error. Inflating once more costs a docx of tens of kilobytes under a millisecond.
     */
    private static void checkInflatedSize(byte[] bytes) throws ExtractionException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return;
        }
        long allowed = Math.max(INFLATED_GRACE, INFLATED_RATIO * bytes.length);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > allowed || total > INFLATED_MAX) {
                        throw new ExtractionException(ZIP_BOMB);
                    }
                }
            }
        } catch (IOException e) {
            // a broken container is the parser's to describe
        }
    }

    private String detect(byte[] bytes, String filename) throws ExtractionException {
        try (InputStream in = TikaInputStream.get(bytes)) {
            MediaType type = detector.detect(in, named(filename));
            return type.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("无法识别文件类型，文件可能已损坏，未导入。", e);
        }
    }

    /** The text; {@code also}, if given, sees the same events (the PDF's pages for OCR). */
    private String parse(byte[] bytes, String filename, ContentHandler also) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, also == null ? handler : new TeeContentHandler(handler, also), named(filename), context);
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            // Over the character limit: what was read so far is the document as far as we keep it.
        }
        return handler.toString();
    }

    private static Metadata named(String filename) {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        return metadata;
    }

    /** The user's sentence for a parser failure; the parser's own words stay in the cause. */
    static ExtractionException translate(Throwable cause) {
        if (has(cause, EncryptedDocumentException.class) || mentions(cause, "password", "encrypt")) {
            return new ExtractionException(ENCRYPTED, cause);
        }
        if (has(cause, ZeroByteFileException.class)) {
            return new ExtractionException("文件为空，没有可导入的内容。", cause);
        }
        if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError
                || mentions(cause, "nesting", "depth", "entity expansion", "entityexpansion", "too many")) {
            return new ExtractionException(TOO_COMPLEX, cause);
        }
        if (mentions(cause, "zip bomb", "zipbomb", "inflate ratio", "compression ratio")) {
            return new ExtractionException(ZIP_BOMB, cause);
        }
        if (mentions(cause, "malicious")) {
            return new ExtractionException("文件内部结构异常（内含文件过多或压缩比异常，可能是恶意构造的文件），未导入。", cause);
        }
        if (has(cause, EOFException.class) || mentions(cause, "truncated", "end of zlib", "unexpected end",
                "premature end", "eof")) {
            return new ExtractionException("文件不完整（可能在下载或复制时被截断），无法读取，未导入。", cause);
        }
        return new ExtractionException("文件已损坏或格式不正确，无法读取，未导入。", cause);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable t, String... words) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (message.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
