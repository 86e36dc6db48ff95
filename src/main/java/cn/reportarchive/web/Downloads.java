package cn.reportarchive.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Answers a request with a file to save: its type and its name, in Chinese where the browser can (RFC 6266). */
final class Downloads {
    private Downloads() {
    }

    static void send(Context ctx, String filename, String mediaType, byte[] bytes) {
        ctx.contentType(mediaType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.result(bytes);
    }

    private static String asciiFallback(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return ascii.isBlank() ? "download" : ascii;
    }
}
