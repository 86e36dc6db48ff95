package cn.reportarchive.web.browser;

import cn.reportarchive.Application;
import cn.reportarchive.web.WebServer;

/** An archive served on a free port of 127.0.0.1 and a browser to look at it; closing stops all three. */
final class Site implements AutoCloseable {
    final Application app;
    final String base;
    final Browser browser;
    private final WebServer server;
    /** Whether closing the site closes the archive: not when it is the run's shared one. */
    private final boolean ownsApp;

    private Site(Application app, WebServer server, Browser browser, boolean ownsApp) {
        this.app = app;
        this.server = server;
        this.ownsApp = ownsApp;
        this.base = "http://127.0.0.1:" + server.port() + "/";
        this.browser = browser;
    }

    /** Serves the archive (closed with the site, also when the browser cannot start). */
    static Site start(Application app) throws Exception {
        return start(app, true);
    }

    /** Serves an archive that others use too (the shared sample archive): closing leaves it open. */
    static Site visit(Application app) throws Exception {
        return start(app, false);
    }

    private static Site start(Application app, boolean ownsApp) throws Exception {
        WebServer server = null;
        try {
            server = WebServer.start(app, "127.0.0.1", 0);
            return new Site(app, server, Browser.open(), ownsApp);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            if (ownsApp) {
                app.close();
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            try {
                server.close();
            } finally {
                if (ownsApp) {
                    app.close();
                }
            }
        }
    }
}
