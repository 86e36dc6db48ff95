package cn.reportarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One caller of the API over HTTP, keeping its session cookie and CSRF token as a browser page
 * would (the cookie by hand: Java's cookie manager would hide what the server set).
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    String cookie;
    String csrf;
    /** Origin header sent with every request (the page's own, as a browser sends it), or null. */
    String origin;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.origin = base;
    }

    HttpResponse<byte[]> login(String user, String password) {
        HttpResponse<byte[]> r = send(request("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("username", user, "password", password)))));
        if (r.statusCode() == 200) {
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = body(r).get("csrf").asText();
        }
        return r;
    }

    /** Signs in and fails the test if that does not work. */
    ApiClient signedIn(String user, String password) {
        HttpResponse<byte[]> r = login(user, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("login " + user + ": " + r.statusCode() + " " + text(r));
        }
        return this;
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> delete(String path) {
        return send(withToken(request(path)).DELETE());
    }

    HttpResponse<byte[]> post(String path, String contentType, String body) {
        return send(withToken(request(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<byte[]> upload(String path, String filename, byte[] bytes, Map<String, String> fields) {
        String boundary = Multipart.boundary();
        return send(withToken(request(path)).header("Content-Type", Multipart.contentType(boundary))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(boundary, filename, bytes, fields))));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b;
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder b) {
        return csrf == null ? b : b.header(Auth.CSRF_HEADER, csrf);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(r), e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
