package cn.reportarchive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data upload as the 导入 page sends it: form fields, then the file. */
public final class Multipart {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Multipart() {
    }

    public static HttpResponse<byte[]> post(String url, String filename, byte[] bytes, Map<String, String> fields)
            throws IOException, InterruptedException {
        String boundary = boundary();
        URI uri = URI.create(url);
        return HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Origin", uri.getScheme() + "://" + uri.getRawAuthority()) // as the page sends it
                        .header("Content-Type", contentType(boundary))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, filename, bytes, fields))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String boundary() {
        return "----" + UUID.randomUUID();
    }

    static String contentType(String boundary) {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The request body: each form field, then the file. */
    static byte[] body(String boundary, String filename, byte[] bytes, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
