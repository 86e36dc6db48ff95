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

    /** For clients without filename*: "临江县财政局_2022-2023年对比.xlsx" → "_2022-2023_.xlsx", "查重.csv" → "download.csv". */
    static String asciiFallback(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]+", "_").replace("\"", "_").replaceAll("_{2,}", "_");
        int dot = ascii.lastIndexOf('.');
        String stem = dot > 0 ? ascii.substring(0, dot) : ascii;
        return stem.replaceAll("[_\\s.]", "").isEmpty() ? "download" + (dot > 0 ? ascii.substring(dot) : "") : ascii;
    }
}
