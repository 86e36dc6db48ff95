package cn.reportarchive.web;

import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.FollowUps;
import cn.reportarchive.parse.Report;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /api/reports/{id}/followup}: for the report page, what became of each of the report's
 * measures in the next year's archived report, and the check of the numbers its rectification
 * section claims. Read like the report itself: a report the caller may not read is 404 as unknown,
 * and the reading is audited.
 */
final class FollowUpRoutes {
    private final ReportArchive archive;
    private final CompareService compare;
    private final Audit audit;

    FollowUpRoutes(ReportArchive archive, CompareService compare, Audit audit) {
        this.archive = archive;
        this.compare = compare;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/reports/{id}/followup", this::followUp);
    }

    private void followUp(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Report report = archive.get(id).orElse(null);
        if (report == null || !Auth.access(ctx).mayRead(report.unit())) {
            audit.record(ctx, AuditAction.VIEW, id, Map.of("what", "措施落实与数字核对", "result", report == null ? "missing" : "hidden"));
            throw new ApiError(404, "找不到编号为 " + id + " 的材料。");
        }
        FollowUps.FollowUp answer = new FollowUps(compare.within(Auth.access(ctx).units())).of(report);
        Map<String, Object> detail = CorrectionAudit.about(report);
        detail.put("what", "措施落实与数字核对");
        audit.record(ctx, AuditAction.VIEW, id, detail);
        ctx.json(answer);
    }
}
