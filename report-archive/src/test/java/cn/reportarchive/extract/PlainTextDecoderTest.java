package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextDecoderTest {
    private static final String TEXT = "临江县财政局党组领导班子2024年度民主生活会对照检查材料\n"
            + "根据县委关于召开2024年度民主生活会的通知要求，对照“四个带头”认真开展对照检查。\n"
            + "（一）在带头强化政治忠诚、提高政治能力方面\n"
            + "1.对党的二十届三中全会精神的学习领会还不够深入；二是“基数+增长”的惯性思维仍未完全打破。";
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GBK = Charset.forName("GBK");

    private final PlainTextDecoder decoder = new PlainTextDecoder();

    private static byte[] withPrefix(byte[] prefix, byte[] body) {
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    @Test
    void utf8() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        assertEquals(TEXT, decoder.decode(bytes));
        assertEquals("UTF-8", decoder.charsetOf(bytes));
    }

    @Test
    void utf8WithByteOrderMarkDropsTheMark() {
        byte[] bytes = withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, decoder.decode(bytes));
        assertEquals("UTF-8", decoder.charsetOf(bytes));
    }

    // Short texts matter: statistical detectors get these wrong, the decoder must not.
    @ParameterizedTest
    @ValueSource(strings = {TEXT, "一、存在的问题", "联通公司党委", "现对照检查如下："})
    void gbkBytesDecodeAsChinese(String text) {
        byte[] bytes = text.getBytes(GBK);
        assertEquals(text, decoder.decode(bytes));
        assertEquals("GB18030", decoder.charsetOf(bytes));
    }

    @Test
    void gb18030FourByteCharacters() {
        // 䶮 (CJK Extension A) is outside GBK and takes four bytes in GB18030.
        String text = TEXT + "\n党组成员、副局长  王䶮";
        byte[] bytes = text.getBytes(GB18030);
        assertEquals(text, decoder.decode(bytes));
        assertEquals("GB18030", decoder.charsetOf(bytes));
    }

    @Test
    void utf16LittleEndianWithByteOrderMark() {
        byte[] bytes = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(TEXT, decoder.decode(bytes));
        assertEquals("UTF-16LE", decoder.charsetOf(bytes));
    }

    @Test
    void utf16BigEndianWithByteOrderMark() {
        byte[] bytes = withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(TEXT, decoder.decode(bytes));
        assertEquals("UTF-16BE", decoder.charsetOf(bytes));
    }

    @Test
    void sampleReportInGb18030DecodesLikeTheUtf8Copy() {
        String utf8 = new String(Fixtures.format("report.txt"), StandardCharsets.UTF_8);
        assertEquals(utf8, decoder.decode(Fixtures.format("report.gbk.txt")));
    }
}
