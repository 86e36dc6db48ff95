package cn.reportarchive.web;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive the sign-in tests attack: two sample reports of two units (a .docx of 临江县财政局 and a
 * .pdf of 云溪镇), an admin, an inspector and a viewer of 临江县财政局, served on 127.0.0.1. Further
 * servers on the same archive (their own clock, limiter and sessions) are closed with it.
 */
final class RoleArchive implements AutoCloseable {
    static final String ADMIN_PW = "admin-password-1";
    static final String INSPECTOR_PW = "inspector-password-1";
    static final String VIEWER_PW = "viewer-password-1";

    final Application app;
    final WebServer server;
    final String docxId;
    final String pdfId;
    private final List<WebServer> extra = new ArrayList<>();

    RoleArchive(Path data) throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        docxId = app.archive().importFile("linjiang-czj-2022.docx", sample("linjiang-czj-2022.docx"),
                ImportMetadata.NONE).id();
        pdfId = app.archive().importFile("yunxi-dw-2023.pdf", sample("yunxi-dw-2023.pdf"), ImportMetadata.NONE).id();
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), ADMIN_PW.toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), INSPECTOR_PW.toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("临江县财政局"), VIEWER_PW.toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    /** Another server on the same archive, with its own options (clock, limits, sessions). */
    WebServer another(WebOptions options) {
        WebServer s = WebServer.start(app, "127.0.0.1", 0, options);
        extra.add(s);
        return s;
    }

    static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("sample-docs", name));
    }

    @Override
    public void close() throws Exception {
        server.close();
        extra.forEach(WebServer::close);
        app.close();
    }
}
