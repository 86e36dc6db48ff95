package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.extract.DocumentFormats;
import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.archive.ArchiveBusyException;
import cn.reportarchive.archive.FileNames;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.IntakeLimit;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.Access;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Role;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportSummary;
import cn.reportarchive.parse.SectionType;
import cn.reportarchive.search.PassageSearch;
import cn.reportarchive.search.SearchRequest;
import cn.reportarchive.search.SearchResult;
import cn.reportarchive.search.SuggestedResult;
import cn.reportarchive.search.Suggestions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of INTERFACE.md, as plain handler functions over the archive and the search. Each
 * handler shows only what the caller's {@link Access} allows (a report it may not read is 404, as
 * if it did not exist), refuses what its role may not do, and records what it did in the audit log.
 */
final class ApiRoutes {
    private final ReportArchive archive;
    private final PassageSearch search;
    private final Suggestions suggestions;
    private final AspectTaxonomy taxonomy;
    private final Audit audit;

    ApiRoutes(ReportArchive archive, PassageSearch search, Suggestions suggestions, AspectTaxonomy taxonomy, Audit audit) {
        this.archive = archive;
        this.search = search;
        this.suggestions = suggestions;
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/meta", this::meta);
        routes.get("/api/search", this::search);
        // the same search with its parameters in the body: a pasted paragraph is longer than a URL may be
        routes.post("/api/search", this::search);
        routes.get("/api/reports", this::list);
        routes.post("/api/reports", this::upload);
        routes.post("/api/reports/preview", this::preview);
        routes.get("/api/reports/{id}", this::show);
        routes.get("/api/reports/{id}/original", this::original);
        routes.delete("/api/reports/{id}", this::delete);
    }

    /**
     * Open to all; the report count only to a caller with a session (or of the open archive): an
     * anonymous caller would otherwise watch imports and deletions. A viewer counts its own units.
     */
    private void health(Context ctx) throws Exception {
        if (Auth.principal(ctx) == null) {
            ctx.json(Map.of("status", "ok"));
            return;
        }
        Access access = Auth.access(ctx);
        int reports = access.all() ? archive.count() : visible(access, null, null).size();
        ctx.json(Map.of("status", "ok", "reports", reports));
    }

    private List<ReportSummary> visible(Access access, String unit, Integer year) throws Exception {
        return access.filter(archive.summaries(unit, year), ReportSummary::unit);
    }

    /** What the pages need to label things: aspects and sections with their Chinese names, limits. */
    private void meta(Context ctx) {
        List<Map<String, String>> aspects = new ArrayList<>();
        taxonomy.aspects().forEach(a -> aspects.add(Map.of("key", a.key(), "label", a.label())));
        List<Map<String, String>> sections = new ArrayList<>();
        for (SectionType t : SectionType.values()) {
            sections.add(Map.of("key", t.key(), "label", t.label()));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("aspects", aspects);
        meta.put("sections", sections);
        meta.put("maxUploadBytes", archive.maxBytes());
        // the file pickers offer what the archive reads (the list the command line uses too)
        meta.put("formats", DocumentFormats.EXTENSIONS);
        meta.put("accept", DocumentFormats.accept());
        ctx.json(meta);
    }

    private void search(Context ctx) throws Exception {
        java.util.function.UnaryOperator<String> param = SearchParams.of(ctx);
        SearchRequest.Order order = switch (orDefault(param.apply("sort"), "relevance")) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "year" -> SearchRequest.Order.YEAR;
            default -> throw new ApiError(400, "sort 只能是 relevance 或 year。");
        };
        SearchRequest request = new SearchRequest(param.apply("q"), parseInt(param.apply("year"), "year", null),
                Strings.blankToNull(param.apply("unit")), Strings.blankToNull(param.apply("aspect")),
                Strings.blankToNull(param.apply("section")), parseInt(param.apply("page"), "page", 1),
                parseInt(param.apply("size"), "size", SearchRequest.DEFAULT_SIZE), order,
                !"false".equals(param.apply("related")),
                parseInt(param.apply("perReport"), "perReport", SearchRequest.DEFAULT_PER_REPORT))
                .withUnits(Auth.access(ctx).units());
        SearchResult result = search.search(request);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("q", request.query());
        for (String filter : List.of("year", "unit", "aspect", "section", "sort", "page")) {
            String value = Strings.blankToNull(param.apply(filter));
            if (value != null) {
                detail.put(filter, value);
            }
        }
        detail.put("total", result.total());
        audit.record(ctx, AuditAction.SEARCH, null, detail);
        ctx.json(new SuggestedResult(result, suggestions.suggest(request, result.total())));
    }

    private void list(Context ctx) throws Exception {
        List<ReportSummary> shown = visible(Auth.access(ctx), Strings.blankToNull(ctx.queryParam("unit")), intParam(ctx, "year", null));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("unit", Strings.blankToNull(ctx.queryParam("unit")));
        detail.put("year", Strings.blankToNull(ctx.queryParam("year")));
        detail.put("rows", shown.size());
        audit.record(ctx, AuditAction.LIST, null, detail);
        ctx.json(shown);
    }

    private void show(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Report report = readable(ctx, id, AuditAction.VIEW);
        audit.record(ctx, AuditAction.VIEW, id, about(report));
        ctx.json(report);
    }

    private Report report(String id) throws Exception {
        return archive.get(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The report if the caller may read it; else 404 as for an unknown id, so that a viewer cannot
     * tell another unit's report from none. The refusal is recorded for the auditor.
     */
    private Report readable(Context ctx, String id, AuditAction action) throws Exception {
        Report report = archive.get(id).orElse(null);
        if (report == null || !Auth.access(ctx).mayRead(report.unit())) {
            audit.record(ctx, action, id, Map.of("result", report == null ? "missing" : "hidden"));
            throw notFound(id);
        }
        return report;
    }

    private static Map<String, Object> about(Report r) {
        return CorrectionAudit.about(r);
    }

    private void original(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Report report = readable(ctx, id, AuditAction.DOWNLOAD);
        ReportArchive.Original original = archive.original(id)
                .orElseThrow(() -> notFound(id));
        Map<String, Object> detail = about(report);
        detail.put("filename", original.filename());
        audit.record(ctx, AuditAction.DOWNLOAD, id, detail);
        Downloads.send(ctx, original.filename() == null ? id : original.filename(),
                original.mediaType() == null ? "application/octet-stream" : original.mediaType(), original.bytes());
    }

    private void delete(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayDelete, "删除材料");
        String id = ctx.pathParam("id");
        Report report = archive.get(id).orElse(null);
        if (report == null) {
            audit.record(ctx, AuditAction.DELETE, id, Map.of("result", "missing"));
            throw notFound(id);
        }
        // recorded before the change: an entry that cannot be written stops it (503, nothing deleted)
        audit.record(ctx, AuditAction.DELETE, id, about(report));
        if (!archive.delete(id)) {
            audit.recordAfter(ctx, AuditAction.DELETE, id, Map.of("result", "missing"));
            throw notFound(id);
        }
        ctx.status(204);
    }

    private void upload(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayImport, "导入材料");
        try (IntakeLimit.Ticket admitted = admit(ctx)) {
            store(ctx);
        }
    }

    private void store(Context ctx) throws Exception {
        UploadedFile file = file(ctx);
        ImportMetadata given = new ImportMetadata(ctx.formParam("unit"), intForm(ctx, "year"), ctx.formParam("author"));
        if (given.problem() != null) {
            throw new ApiError(400, given.problem());
        }
        UploadCorrections corrections = UploadCorrections.of(ctx);
        String name = safeName(file.filename());
        byte[] content = bytes(file);
        // recorded before the change: an entry that cannot be written stops it (503, nothing stored)
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("file", name);
        intent.put("size", content.length);
        intent.put("status", "started");
        audit.record(ctx, AuditAction.IMPORT, null, intent);
        ImportOutcome outcome = archive.importFile(name, content, given);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", name);
        detail.put("status", outcome.status().key());
        if (outcome.error() != null) {
            detail.put("error", outcome.error());
        }
        audit.recordAfter(ctx, AuditAction.IMPORT, outcome.id(), detail);
        switch (outcome.status()) {
            case IMPORTED -> ctx.status(201).json(corrections.apply(ctx, archive, audit, outcome));
            case DUPLICATE -> ctx.status(200).json(Map.of("status", "duplicate", "id", outcome.id()));
            case NOT_STORED -> throw new ApiError(503, outcome.error());
            default -> throw new ApiError(422, outcome.error());
        }
    }

    /** What the file says of itself (title, year, unit, author…), to pre-fill the upload form. */
    private void preview(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayImport, "导入材料");
        try (IntakeLimit.Ticket admitted = admit(ctx)) {
            previewAdmitted(ctx);
        }
    }

    /** What a multipart form adds to the file: boundaries, headers and the other fields. */
    private static final long FORM_OVERHEAD = 1024 * 1024;

    /** Room for the request's body in memory, or a 429 when many large uploads are under way already. */
    private IntakeLimit.Ticket admit(Context ctx) {
        long declared = ctx.req().getContentLengthLong(); // a long: 2 GiB and more is not a negative int
        if (declared > archive.maxBytes() + FORM_OVERHEAD) {
            // the body is never read: the connection closes after the answer (rather than Jetty reading
            // the unwanted body on, which the minimum data rate would cut off before the answer is out)
            ctx.header("Connection", "close");
            throw new ApiError(413, archive.tooLargeMessage()); // said before a byte of it is read
        }
        try {
            return archive.admit(declared < 0 ? archive.maxBytes() : Math.min(declared, archive.maxBytes()));
        } catch (ArchiveBusyException e) {
            ctx.header("Retry-After", "30");
            throw new ApiError(429, e.getMessage());
        }
    }

    private void previewAdmitted(Context ctx) throws Exception {
        UploadedFile file = file(ctx);
        audit.record(ctx, AuditAction.PREVIEW, null, Map.of("file", safeName(file.filename()), "size", file.size()));
        ReportArchive.Prepared prepared = archive.prepare(safeName(file.filename()), bytes(file), ImportMetadata.NONE);
        if (prepared.decided() != null && prepared.decided().status() == ImportOutcome.Status.FAILED) {
            throw new ApiError(422, prepared.decided().error());
        }
        if (prepared.decided() != null && prepared.decided().status() == ImportOutcome.Status.NOT_STORED) {
            throw new ApiError(503, prepared.decided().error());
        }
        // the unit as the archive would show it (the directory's unit of the name the header gives)
        ctx.json(prepared.report() != null
                ? header(prepared.report().withMetadata(archive.unitOf(prepared.report().unit()), null, null), null)
                : header(report(prepared.decided().id()), prepared.decided().id()));
    }

    private static Map<String, Object> header(Report r, String duplicateOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", r.title());
        out.put("year", r.year());
        out.put("unit", r.unit());
        out.put("author", r.author());
        out.put("post", r.post());
        out.put("kind", r.kind());
        out.put("meeting", r.meeting());
        out.put("mediaType", r.mediaType());
        out.put("ocr", r.ocr());
        out.put("warnings", r.warnings()); // the upload page says before import what could not be read
        out.put("duplicateOf", duplicateOf);
        return out;
    }

    private static ApiError notFound(String id) {
        return new ApiError(404, "找不到编号为 " + id + " 的材料。");
    }

    private UploadedFile file(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new ApiError(400, "请以 multipart/form-data 上传文件（字段名 file）。");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // Javalin rethrows Jetty's ServletException unchecked
            if (exceedsSize(e)) {
                throw new ApiError(413, archive.tooLargeMessage()); // a body without a length, cut off by Jetty
            }
            throw e;
        }
        if (file == null) {
            throw new ApiError(400, "请求中没有名为 file 的文件。");
        }
        if (file.size() > archive.maxBytes()) {
            throw new ApiError(413, archive.tooLargeMessage());
        }
        return file;
    }

    private static boolean exceedsSize(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("size exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(UploadedFile file) throws IOException {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }

    /** The base name only, without folders or control characters: it is shown and sent back later. */
    static String safeName(String raw) {
        return FileNames.clean(raw);
    }

    static Integer intParam(Context ctx, String name, Integer fallback) {
        return parseInt(ctx.queryParam(name), name, fallback);
    }

    private static Integer intForm(Context ctx, String name) {
        return parseInt(ctx.formParam(name), name, null);
    }

    static Integer parseInt(String value, String name, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "参数 " + name + " 应为整数，收到的是“" + shorten(value) + "”。");
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}
