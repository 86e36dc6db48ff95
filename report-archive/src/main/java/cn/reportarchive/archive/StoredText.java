package cn.reportarchive.archive;

import cn.reportarchive.extract.ExtractedText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A report's normalised extracted text as the catalog keeps it, so that a re-parse (reindex, a new
 * parser or taxonomy) reads the text again without running Tika on the original, with what extraction
 * said of it (OCR, the parts it could not read: the warnings a re-parse gives again). The text is kept
 * deflated when that saves at least a tenth of its UTF-8 bytes: Chinese prose deflates to about half
 * (measured on the generated archive, see BENCHMARKS.md), and a text that does not shrink is kept as it is.
 */
public record StoredText(String encoding, byte[] bytes, String mediaType, boolean ocr, List<String> unreadable) {
    public StoredText {
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public static final String PLAIN = "utf8";
    public static final String DEFLATED = "deflate";
    /** Deflated only when this share of the bytes or less remains. */
    private static final double WORTH_IT = 0.9;

    public static StoredText of(ExtractedText text) {
        byte[] plain = text.text().getBytes(StandardCharsets.UTF_8);
        byte[] deflated = deflate(plain);
        return deflated.length <= plain.length * WORTH_IT
                ? new StoredText(DEFLATED, deflated, text.mediaType(), text.ocr(), text.unreadable())
                : new StoredText(PLAIN, plain, text.mediaType(), text.ocr(), text.unreadable());
    }

    /** The text as extracted; a row that cannot be read is an error for the caller to fall back from. */
    public ExtractedText text() throws DataFormatException {
        String decoded = switch (encoding) {
            case PLAIN -> new String(bytes, StandardCharsets.UTF_8);
            case DEFLATED -> new String(inflate(bytes), StandardCharsets.UTF_8);
            default -> throw new DataFormatException("unknown text encoding " + encoding);
        };
        return new ExtractedText(decoded, mediaType, ocr, unreadable);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 2));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("stored text cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
