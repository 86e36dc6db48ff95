package cn.reportarchive.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes plain-text reports. Statistical detectors guess wrong on short Chinese texts,
 * but the choice here is narrow: a byte-order mark, else strict UTF-8, else GB18030
 * (a superset of GBK and GB2312, which is what Chinese offices save as "ANSI").
 */
public final class PlainTextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    public String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        return strict(bytes, StandardCharsets.UTF_8)
                .or(() -> strict(bytes, GB18030))
                .orElseGet(() -> new String(bytes, GB18030));
    }

    /** The charset name {@link #decode} settles on, for the record. */
    public String charsetOf(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        return strict(bytes, StandardCharsets.UTF_8).isPresent() ? "UTF-8" : "GB18030";
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
