package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
    @Test
    void aLoopbackServerAnswersOnlyLoopbackNames() {
        assertDoesNotThrow(() -> RequestGuard.check("127.0.0.1:7070", null, "GET", "127.0.0.1"));
        assertDoesNotThrow(() -> RequestGuard.check("localhost:7070", null, "GET", "127.0.0.1"));
        assertDoesNotThrow(() -> RequestGuard.check("[::1]:7070", null, "GET", "127.0.0.1"));
        ApiError rebound = assertThrows(ApiError.class,
                () -> RequestGuard.check("evil.example:7070", null, "GET", "127.0.0.1"));
        assertEquals(403, rebound.status());
        assertDoesNotThrow(() -> RequestGuard.check("archive.intranet:7070", null, "GET", "0.0.0.0"));
    }

    @Test
    void changesFromAnotherSitesPageAreRefused() {
        assertDoesNotThrow(() -> RequestGuard.check("127.0.0.1:7070", "http://127.0.0.1:7070", "POST", "127.0.0.1"));
        assertDoesNotThrow(() -> RequestGuard.check("127.0.0.1:7070", null, "DELETE", "127.0.0.1"));
        assertThrows(ApiError.class,
                () -> RequestGuard.check("127.0.0.1:7070", "http://evil.example", "POST", "127.0.0.1"));
        assertThrows(ApiError.class,
                () -> RequestGuard.check("127.0.0.1:7070", "http://127.0.0.1:8080", "DELETE", "127.0.0.1"));
        assertDoesNotThrow(() -> RequestGuard.check("127.0.0.1:7070", "http://evil.example", "GET", "127.0.0.1"));
    }

    @Test
    void hostNamesLoseTheirPort() {
        assertEquals("127.0.0.1", RequestGuard.hostName("127.0.0.1:7070"));
        assertEquals("::1", RequestGuard.hostName("[::1]:7070"));
        assertEquals("localhost", RequestGuard.hostName("localhost"));
    }
}
