package cn.reportarchive.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes plain-text reports. Statistical detectors guess wrong on short Chinese texts,
 * but the choice here is narrow: a byte-order mark, else strict UTF-8, else GB18030
 * (a superset of GBK and GB2312, which is what Chinese offices save as "ANSI"). Three cases get a
 * closer look: text with NUL bytes is UTF-16 saved without a mark (or not text at all); GB18030 that
 * decodes to mostly rare characters was some other encoding (Big5, Shift-JIS…); and UTF-8 with a
 * stray broken byte or two is still UTF-8.
 */
public final class PlainTextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GB2312 = Charset.forName("GB2312");
    /** Enough non-ASCII characters to judge a decoding by; fewer say too little. */
    private static final int JUDGE_MIN = 20;
    private static final int JUDGE_MAX = 20_000;
    /** A broken byte in this many is damage to a UTF-8 file, more is another encoding. */
    private static final int BROKEN_PER = 1000;

    private record Decoded(String text, String charset) {
    }

    public String decode(byte[] bytes) {
        return decoded(bytes).text();
    }

    /** The charset name {@link #decode} settles on, for the record ("unknown" for no text encoding it knows). */
    public String charsetOf(byte[] bytes) {
        return decoded(bytes).charset();
    }

    /**
     * As {@link #decode}, but refuses bytes that are not text in an encoding it knows, rather than
     * hand the parser a page of wrong characters.
     */
    public String decodeChecked(byte[] bytes) throws ExtractionException {
        Decoded d = decoded(bytes);
        if (d.charset().equals("binary")) {
            throw new ExtractionException("文件中含有大量二进制数据，不是可识别的文本文件（可能是其他类型的文件被改了扩展名），未导入。");
        }
        if (d.charset().equals("unknown")) {
            throw new ExtractionException("文本文件的编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030，可能是繁体 Big5 或日文 Shift-JIS），"
                    + "请另存为 UTF-8 编码后再导入。");
        }
        return d.text();
    }

    private Decoded decoded(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        if (hasNul(bytes)) {
            return utf16WithoutMark(bytes).orElseGet(() -> new Decoded(new String(bytes, GB18030), "binary"));
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), "UTF-8");
        }
        Optional<String> gb = strict(bytes, GB18030);
        if (gb.isPresent() && mostlyCommonChinese(gb.get())) {
            return new Decoded(gb.get(), "GB18030");
        }
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        long broken = lenient.chars().filter(c -> c == '\uFFFD').count();
        if (broken <= Math.max(1, bytes.length / BROKEN_PER)) {
            return new Decoded(lenient, "UTF-8");
        }
        return new Decoded(gb.orElseGet(() -> new String(bytes, GB18030)), "unknown");
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * UTF-8 and GB18030 text never holds a NUL byte, UTF-16 holds one in every ASCII character
     * (digits, line breaks). The byte order whose characters are nearly all ordinary wins.
     */
    private static Optional<Decoded> utf16WithoutMark(byte[] bytes) {
        byte[] body = bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length - 1);
        Decoded best = null;
        double bestShare = 0;
        for (Charset order : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Optional<String> text = strict(body, order);
            double share = text.map(PlainTextDecoder::ordinaryShare).orElse(0.0);
            if (share > bestShare) {
                best = new Decoded(text.get(), order.name());
                bestShare = share;
            }
        }
        return bestShare >= 0.95 ? Optional.of(best) : Optional.empty();
    }

    /** Han characters, printable ASCII, line breaks and tabs, CJK and full-width punctuation. */
    private static double ordinaryShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long ordinary = text.codePoints().filter(c -> (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F)).count();
        return (double) ordinary / text.codePointCount(0, text.length());
    }

    /**
     * Chinese written in GBK is nearly all GB2312 characters; Big5 or Shift-JIS bytes read as GB18030
     * turn into rare characters from GBK's extension areas about half the time.
     */
    private static boolean mostlyCommonChinese(String text) {
        CharsetEncoder gb2312 = GB2312.newEncoder();
        int judged = 0;
        int common = 0;
        for (int i = 0; i < text.length() && judged < JUDGE_MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x80 || Character.isSurrogate(c)) {
                continue;
            }
            judged++;
            if (gb2312.canEncode(c)) {
                common++;
            }
        }
        return judged < JUDGE_MIN || common >= 0.8 * judged;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
