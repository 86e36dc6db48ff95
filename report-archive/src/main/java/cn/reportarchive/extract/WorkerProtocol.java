package cn.reportarchive.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the archive and a parser process say to each other over the child's stdin and stdout:
 * length-prefixed frames. The child says {@link #READY} once its parsers are loaded; then for each
 * request (file name, bytes) it answers with the text (and whether OCR read it, and the sentences
 * for the pages it could not) or with the sentence of its failure. Before each page it OCRs, the
 * child says {@link #PAGE} (page, pages) and waits for {@link #GO}: the archive takes a turn from
 * its bound on concurrent OCR, shows the progress and gives the page its own deadline; it answers
 * {@link #STOP} when the page must not start.
 */
final class WorkerProtocol {
    static final int READY = 0x52415731; // "RAW1"
    private static final byte TEXT = 0;
    private static final byte FAILED = 1;
    private static final byte PAGE = 2;
    static final byte GO = 'G';
    static final byte STOP = 'S';
    /** More page problems than kinds of problem is not an answer of ours. */
    private static final int MAX_UNREADABLE = 16;
    /** No frame of ours is larger: a longer length means the stream is not what it should be. */
    private static final int MAX_FRAME = 256 * 1024 * 1024;

    private WorkerProtocol() {
    }

    record Request(String filename, byte[] bytes) {
    }

    /**
     * A worker's answer: the text, or the user's sentence and the parser's own words; or, before the
     * answer, a page about to be OCR'd ({@code page} non-null).
     */
    record Response(RawText text, String error, String detail, Page page) {
    }

    /** Page {@code page} (1-based) of the {@code pages} the child is OCR'ing in this file. */
    record Page(int page, int pages) {
    }

    static void writeRequest(DataOutputStream out, String filename, byte[] bytes) throws IOException {
        writeString(out, filename == null ? "" : filename);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** The next request, or null when the archive has closed the pipe (or is gone). */
    static Request readRequest(DataInputStream in) throws IOException {
        String filename;
        try {
            filename = readString(in);
        } catch (EOFException e) {
            return null;
        }
        return new Request(filename.isEmpty() ? null : filename, readBytes(in));
    }

    static void writeText(DataOutputStream out, RawText text) throws IOException {
        out.writeByte(TEXT);
        writeString(out, text.mediaType());
        writeString(out, text.text());
        out.writeBoolean(text.ocr());
        out.writeInt(text.unreadable().size());
        for (String sentence : text.unreadable()) {
            writeString(out, sentence);
        }
        out.flush();
    }

    /** The child's side: page {@code page} of {@code pages} starts once the archive says {@link #GO}. */
    static boolean askPage(DataOutputStream out, DataInputStream in, int page, int pages) throws IOException {
        out.writeByte(PAGE);
        out.writeInt(page);
        out.writeInt(pages);
        out.flush();
        byte answer = in.readByte();
        if (answer != GO && answer != STOP) {
            throw new IOException("unexpected answer " + answer);
        }
        return answer == GO;
    }

    static void answerPage(DataOutputStream out, boolean go) throws IOException {
        out.writeByte(go ? GO : STOP);
        out.flush();
    }

    static void writeFailure(DataOutputStream out, String error, String detail) throws IOException {
        out.writeByte(FAILED);
        writeString(out, error);
        writeString(out, detail == null ? "" : detail);
        out.flush();
    }

    static Response readResponse(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == TEXT) {
            String mediaType = readString(in);
            String text = readString(in);
            boolean ocr = in.readBoolean();
            int n = in.readInt();
            if (n < 0 || n > MAX_UNREADABLE) {
                throw new IOException(n + " unreadable parts");
            }
            List<String> unreadable = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                unreadable.add(readString(in));
            }
            return new Response(new RawText(text, mediaType, ocr, unreadable), null, null, null);
        }
        if (kind == FAILED) {
            return new Response(null, readString(in), readString(in), null);
        }
        if (kind == PAGE) {
            return new Response(null, null, null, new Page(in.readInt(), in.readInt()));
        }
        throw new IOException("unexpected frame " + kind);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
