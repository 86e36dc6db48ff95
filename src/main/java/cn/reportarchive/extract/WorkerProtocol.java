package cn.reportarchive.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the archive and a parser process say to each other over the child's stdin and stdout:
 * length-prefixed frames. The child says {@link #READY} once its parsers are loaded; then for each
 * request (file name, bytes) it answers with the text or with the sentence of its failure.
 */
final class WorkerProtocol {
    static final int READY = 0x52415731; // "RAW1"
    private static final byte TEXT = 0;
    private static final byte FAILED = 1;
    /** No frame of ours is larger: a longer length means the stream is not what it should be. */
    private static final int MAX_FRAME = 256 * 1024 * 1024;

    private WorkerProtocol() {
    }

    record Request(String filename, byte[] bytes) {
    }

    /** A worker's answer: the text, or the user's sentence and the parser's own words. */
    record Response(RawText text, String error, String detail) {
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
            return new Response(new RawText(readString(in), mediaType), null, null);
        }
        if (kind == FAILED) {
            return new Response(null, readString(in), readString(in));
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
