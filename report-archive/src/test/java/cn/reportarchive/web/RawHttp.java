package cn.reportarchive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand over a socket, for what java.net.http will not send: any Host header, a
 * declared length it does not keep, a body sent a byte at a time, a client address other than
 * 127.0.0.1 (the whole of 127.0.0.0/8 is this machine on Linux).
 */
final class RawHttp {
    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String request) throws IOException {
        return send(port, "127.0.0.1", request.getBytes(StandardCharsets.UTF_8), 20_000);
    }

    /** Sends the bytes from this local address and reads the answer until the server closes or the timeout. */
    static Answer send(int port, String fromAddress, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = open(port, fromAddress, timeoutMillis)) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    static Socket open(int port, String fromAddress, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(timeoutMillis);
        return s;
    }

    /** Reads one answer: the head, then Content-Length bytes of body (or until the connection ends). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int headEnd = -1;
        byte[] chunk = new byte[8192];
        int contentLength = -1;
        try {
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                buf.write(chunk, 0, n);
                String sofar = buf.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0) {
                    headEnd = sofar.indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        Answer a = new Answer(0, sofar.substring(0, headEnd), "");
                        String cl = a.header("Content-Length");
                        contentLength = cl == null ? -1 : Integer.parseInt(cl);
                    }
                }
                if (headEnd >= 0 && contentLength >= 0 && buf.size() >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (headEnd < 0) {
                throw e;
            }
        }
        String all = buf.toString(StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no answer head: " + all);
        }
        String head = all.substring(0, end);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Answer(status, head, all.substring(end + 4));
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
