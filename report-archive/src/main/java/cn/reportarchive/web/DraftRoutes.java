package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.archive.ArchiveBusyException;
import cn.reportarchive.archive.IntakeLimit;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.DraftCheck;
import cn.reportarchive.compare.DraftResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/compare/draft} (核对草稿): a draft uploaded, read and compared with the year before,
 * and forgotten. Nothing is stored but the audit entry: the bytes are overwritten and the upload's
 * parts (Jetty spools a large one to a temporary file) deleted before the answer leaves. Any role
 * may check a draft, a viewer only against its own units (another unit is answered as a unit
 * without materials, and recorded as hidden).
 */
final class DraftRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DraftRoutes.class);
    /** What a multipart form adds to the file: boundaries, headers and the other fields. */
    private static final long FORM_OVERHEAD = 1024 * 1024;
    /** Set once the body is being read into parts: a body refused before (413) is never read to delete it. */
    private static final String PARSED = "reportarchive.draft.parsed";

    private final DraftCheck drafts;
    private final CompareService compare;
    private final ReportArchive archive;
    private final Audit audit;

    DraftRoutes(DraftCheck drafts, CompareService compare, ReportArchive archive, Audit audit) {
        this.drafts = drafts;
        this.compare = compare;
        this.archive = archive;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/compare/draft", this::check);
    }

    private void check(Context ctx) throws Exception {
        try (IntakeLimit.Ticket admitted = admit(ctx)) {
            checkAdmitted(ctx);
        } finally {
            forgetUpload(ctx);
        }
    }

    private void checkAdmitted(Context ctx) throws Exception {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new ApiError(400, "请以 multipart/form-data 上传草稿（字段名 file）。");
        }
        ctx.attribute(PARSED, true); // from here on the body is read into parts, which must be deleted
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new ApiError(400, "请求中没有名为 file 的草稿文件。");
        }
        if (file.size() > archive.maxBytes()) {
            throw new ApiError(413, archive.tooLargeMessage());
        }
        String unit = Strings.blankToNull(ctx.formParam("unit"));
        String author = Strings.blankToNull(ctx.formParam("author"));
        Integer year = ApiRoutes.parseInt(ctx.formParam("year"), "year", null);
        String name = ApiRoutes.safeName(file.filename());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", name);
        detail.put("size", file.size());
        detail.put("unit", unit);
        detail.put("author", author);
        detail.put("year", year);
        if (unit == null) {
            throw new ApiError(400, "请指定草稿所属的单位（unit）。");
        }
        String canonical = compare.unitOf(unit);
        if (!Auth.access(ctx).mayRead(canonical)) {
            detail.put("result", "hidden");
            audit.record(ctx, AuditAction.DRAFT_CHECK, null, detail);
            throw new ApiError(404, "档案库中没有" + canonical + (author == null ? "领导班子" : " " + author) + "的材料，无法核对草稿。");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        }
        try {
            DraftResult result = drafts.check(new DraftCheck.Draft(name, bytes, canonical, author, year),
                    compare.within(Auth.access(ctx).units()));
            detail.put("year", result.draft().year());
            detail.put("report", result.comparison().from().reportId());
            audit.record(ctx, AuditAction.DRAFT_CHECK, null, detail);
            ctx.json(result);
        } catch (CompareException e) {
            detail.put("error", e.getMessage());
            audit.record(ctx, AuditAction.DRAFT_CHECK, null, detail);
            throw new ApiError(status(e.reason()), e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0); // the draft's bytes do not outlive the answer in this process's heap
        }
    }

    private static int status(CompareException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case UNREADABLE -> 422;
            case UNAVAILABLE -> 503;
            default -> 400;
        };
    }

    /** Room for the body in memory (as an import takes it), or 413 / 429 before it is read. */
    private IntakeLimit.Ticket admit(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > archive.maxBytes() + FORM_OVERHEAD) {
            ctx.header("Connection", "close");
            throw new ApiError(413, archive.tooLargeMessage());
        }
        try {
            return archive.admit(declared < 0 ? archive.maxBytes() : Math.min(declared, archive.maxBytes()));
        } catch (ArchiveBusyException e) {
            ctx.header("Retry-After", "30");
            throw new ApiError(429, e.getMessage());
        }
    }

    /** Deletes every part of the upload now, a spooled file included, rather than when Jetty gets to it. */
    private static void forgetUpload(Context ctx) {
        if (ctx.attribute(PARSED) == null) {
            return;
        }
        try {
            for (Part part : ctx.req().getParts()) {
                part.delete();
            }
        } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
            LOG.warn("upload parts of a draft check not deleted: {}", e.toString());
        }
    }
}
