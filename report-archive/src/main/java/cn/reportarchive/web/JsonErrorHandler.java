package cn.reportarchive.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests that Jetty refuses before they reach the application (a URL or header over the size
 * limit, an ambiguous path such as %00) get the same JSON error as every other: not Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    static String message(int status) {
        return switch (status) {
            case 400 -> "请求格式不正确（地址或参数含非法字符），无法处理。";
            case 404 -> "找不到请求的内容。";
            case 405 -> "不支持该请求方法。";
            case 413 -> "上传的内容超过大小上限。";
            case 414, 431 -> "请求的地址或参数过长，无法处理。";
            default -> "请求无法处理（HTTP " + status + "）。";
        };
    }

    private static byte[] body(int status) {
        return ("{\"error\":\"" + message(status) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        return ByteBuffer.wrap(body(status));
    }
}
