package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Principal;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.compare.CopyService;
import cn.reportarchive.compare.History;
import cn.reportarchive.compare.Ledger;
import cn.reportarchive.export.CompareDocx;
import cn.reportarchive.export.CopyDocx;
import cn.reportarchive.export.ExportRows;
import cn.reportarchive.export.ExportTable;
import cn.reportarchive.export.LedgerDocx;
import cn.reportarchive.export.PrintHeading;
import cn.reportarchive.export.Spreadsheets;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The views over the archive — 对比, 重复问题, 全库常见问题, 查重, 整改台账 — each one handler that
 * answers its JSON and its files (?format=xlsx|csv|docx; the …/export paths default to xlsx). One
 * place parses the parameters, hides a unit the caller may not read (404, as for a unit without
 * materials), maps a comparison that cannot be made to its 4xx, and records the request in the
 * audit log once: after the parameters are valid and the answer (or why there is none) is known,
 * before anything is sent.
 */
final class ViewRoutes {
    private static final Set<OutputFormat> TABLES = EnumSet.of(OutputFormat.JSON, OutputFormat.XLSX, OutputFormat.CSV);
    private static final Set<OutputFormat> ALL = EnumSet.allOf(OutputFormat.class);

    private final CompareService compare;
    private final CopyService copies;
    private final ExportRows rows;
    private final CompareDocx compareDocx;
    private final Audit audit;
    private final Clock clock;

    ViewRoutes(CompareService compare, CopyService copies, ExportRows rows, CompareDocx compareDocx,
            Audit audit, Clock clock) {
        this.compare = compare;
        this.copies = copies;
        this.rows = rows;
        this.compareDocx = compareDocx;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request understood: what to record, the unit to check (canonical, or null) and the work. */
    record Prepared(String target, Map<String, Object> detail, String unit, String hiddenTail, Work work) {
    }

    @FunctionalInterface
    interface Work {
        Answer run() throws Exception;
    }

    @FunctionalInterface
    interface View {
        /** Reads and checks the parameters (ApiError 400 for a bad one); does no work yet. */
        Prepared prepare(Context ctx) throws Exception;
    }

    /**
     * A view's answer: the JSON, and for files a base name, whose material and which years (the
     * page header), the tables (.xlsx, .csv; made only for a file) and, where the view has one, the
     * Word document.
     */
    record Answer(Object json, String fileBase, String subject, String years, Supplier<List<ExportTable>> tables,
            Function<PrintHeading, byte[]> docx) {
    }

    private record Spec(List<String> parts, Set<OutputFormat> formats, View view) {
    }

    void register(RoutesConfig routes) {
        Spec compareView = new Spec(List.of("problems", "measures", "possible"), ALL, this::compare);
        Spec repeatsView = new Spec(List.of("chains", "trend"), TABLES, this::repeats);
        Spec commonView = new Spec(List.of("groups"), TABLES, this::common);
        Spec pairsView = new Spec(List.of("pairs"), TABLES, this::copyPairs);
        Spec checkView = new Spec(List.of("passages"), ALL, this::copyCheck);
        Spec ledgerView = new Spec(List.of("ledger"), ALL, this::ledger);
        // the export paths first: /api/copies/export is not a report id
        routes.get("/api/compare/export", ctx -> serve(ctx, compareView, OutputFormat.XLSX));
        routes.get("/api/repeats/export", ctx -> serve(ctx, repeatsView, OutputFormat.XLSX));
        routes.get("/api/repeats/common/export", ctx -> serve(ctx, commonView, OutputFormat.XLSX));
        routes.get("/api/copies/export", ctx -> serve(ctx, pairsView, OutputFormat.XLSX));
        routes.get("/api/copies/{id}/export", ctx -> serve(ctx, checkView, OutputFormat.XLSX));
        routes.get("/api/ledger", ctx -> serve(ctx, ledgerView, OutputFormat.XLSX));
        routes.get("/api/compare", ctx -> serve(ctx, compareView, OutputFormat.JSON));
        routes.get("/api/repeats", ctx -> serve(ctx, repeatsView, OutputFormat.JSON));
        routes.get("/api/repeats/common", ctx -> serve(ctx, commonView, OutputFormat.JSON));
        routes.get("/api/copies", ctx -> serve(ctx, pairsView, OutputFormat.JSON));
        routes.get("/api/copies/{id}", ctx -> serve(ctx, checkView, OutputFormat.JSON));
    }

    // ---- the views ----

    private Prepared compare(Context ctx) {
        int from = CompareRoutes.requiredYear(ctx, "from");
        int to = CompareRoutes.requiredYear(ctx, "to");
        String unit = requiredUnit(ctx);
        String author = Strings.blankToNull(ctx.queryParam("author"));
        Map<String, Object> detail = CompareRoutes.detail("compare", unit, author);
        detail.put("from", from);
        detail.put("to", to);
        return new Prepared(null, detail, compare.unitOf(unit), who(author) + " " + from + " 年的材料。", () -> {
            Comparison c = compare.within(Auth.access(ctx).units()).compare(unit, author, from, to);
            return new Answer(c, fileWho(c.unit(), c.author()) + "_" + c.from().year() + "-" + c.to().year() + "年对比",
                    PrintHeading.subject(c.unit(), c.author()), c.from().year() + "—" + c.to().year() + "年",
                    () -> List.of(rows.compareProblems(c), rows.compareMeasures(c), rows.comparePossible(c)), h -> compareDocx.write(c, h));
        });
    }

    private Prepared repeats(Context ctx) {
        String unit = requiredUnit(ctx);
        String author = Strings.blankToNull(ctx.queryParam("author"));
        return new Prepared(null, CompareRoutes.detail("repeats", unit, author), compare.unitOf(unit), who(author) + "的材料。", () -> {
            History h = compare.within(Auth.access(ctx).units()).history(unit, author);
            String years = h.years().isEmpty() ? "" : h.years().get(0) + "—" + h.years().get(h.years().size() - 1) + "年";
            return new Answer(h, fileWho(h.unit(), h.author()) + "_重复问题", PrintHeading.subject(h.unit(), h.author()), years,
                    () -> List.of(rows.chains(h), rows.trend(h)), null);
        });
    }

    /** Problems common to several units: across units, so not for a viewer. */
    private Prepared common(Context ctx) {
        CompareRoutes.readsAll(ctx);
        Integer year = ApiRoutes.parseInt(ctx.queryParam("year"), "year", null);
        int limit = CompareRoutes.limit(ctx, 50);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", "common");
        detail.put("year", year);
        return new Prepared(null, detail, null, null, () -> {
            var groups = compare.common(year, limit);
            return new Answer(Map.of("groups", groups), "全库常见问题" + (year == null ? "" : "_" + year + "年"), "全库",
                    year == null ? "" : year + "年", () -> List.of(rows.common(groups)), null);
        });
    }

    private Prepared copyPairs(Context ctx) {
        CompareRoutes.readsAll(ctx);
        int limit = CompareRoutes.limit(ctx, 100);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", "copies");
        detail.put("limit", limit);
        return new Prepared(null, detail, null, null, () -> {
            var pairs = copies.pairs(limit);
            return new Answer(Map.of("pairs", pairs), "全库雷同材料", "全库", "", () -> List.of(rows.copyPairs(pairs)), null);
        });
    }

    private Prepared copyCheck(Context ctx) {
        CompareRoutes.readsAll(ctx);
        String id = ctx.pathParam("id");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", "copy-check");
        return new Prepared(id, detail, null, null, () -> {
            CopyCheck c = copies.check(id); // carries the report's heading: no second read of the report
            return new Answer(c, "查重_" + (c.title() == null || c.title().isBlank() ? c.reportId() : c.title()),
                    PrintHeading.subject(c.unit(), c.author()), c.year() == null ? "" : c.year() + "年",
                    () -> List.of(rows.copyPassages(c)),
                    h -> CopyDocx.write(c, h));
        });
    }

    private Prepared ledger(Context ctx) {
        String unit = requiredUnit(ctx);
        int year = CompareRoutes.requiredYear(ctx, "year");
        String author = Strings.blankToNull(ctx.queryParam("author"));
        Map<String, Object> detail = CompareRoutes.detail("ledger", unit, author);
        detail.put("year", year);
        return new Prepared(null, detail, compare.unitOf(unit), who(author) + " " + year + " 年的材料。", () -> {
            Ledger l = compare.within(Auth.access(ctx).units()).ledger(unit, author, year);
            return new Answer(l, fileWho(l.unit(), l.author()) + "_" + l.year() + "年整改台账",
                    PrintHeading.subject(l.unit(), l.author()), l.year() + "年", () -> List.of(rows.ledger(l)),
                    h -> LedgerDocx.write(l, h));
        });
    }

    // ---- one way of answering ----

    private void serve(Context ctx, Spec spec, OutputFormat fallback) throws Exception {
        OutputFormat format = OutputFormat.parse(ctx.queryParam("format"), fallback, spec.formats());
        int part = format == OutputFormat.CSV ? part(ctx, spec.parts()) : -1;
        Prepared p = spec.view().prepare(ctx);
        AuditAction action = format == OutputFormat.JSON ? AuditAction.COMPARE : AuditAction.EXPORT;
        Map<String, Object> detail = p.detail();
        if (format != OutputFormat.JSON) {
            detail.put("format", format.key());
            if (part >= 0) {
                detail.put("part", spec.parts().get(part));
            }
        }
        if (p.unit() != null) {
            CompareRoutes.hideUnreadable(ctx, audit, action, p.unit(), detail, p.hiddenTail());
        }
        Answer a;
        try {
            a = p.work().run();
        } catch (CompareException e) {
            if (e.reason() != CompareException.Reason.BAD_REQUEST) { // a bad parameter is not an act worth recording
                detail.put("result", "failed");
                detail.put("error", e.getMessage());
                audit.record(ctx, action, p.target(), detail);
            }
            throw CompareRoutes.apiError(e);
        }
        if (format == OutputFormat.JSON) {
            audit.record(ctx, action, p.target(), detail);
            ctx.json(a.json());
            return;
        }
        String name = fileName(a.fileBase());
        List<ExportTable> tables = a.tables().get();
        byte[] bytes;
        switch (format) {
            case XLSX -> {
                bytes = Spreadsheets.xlsx(tables, heading(ctx, a));
                detail.put("rows", tables.stream().mapToInt(t -> t.rows().size()).sum());
            }
            case CSV -> {
                ExportTable table = tables.get(part);
                bytes = Spreadsheets.csv(table);
                detail.put("rows", table.rows().size());
                name = fileName(a.fileBase() + (part == 0 ? "" : "_" + table.name()));
            }
            default -> {
                bytes = a.docx().apply(heading(ctx, a));
                detail.put("rows", tables.stream().mapToInt(t -> t.rows().size()).sum());
            }
        }
        audit.record(ctx, action, p.target(), detail); // the file is made: what leaves is known, nothing has left
        Downloads.send(ctx, name + "." + format.key(), format.mediaType(), bytes);
    }

    private PrintHeading heading(Context ctx, Answer a) {
        Principal user = Auth.principal(ctx);
        return new PrintHeading(a.subject(), a.years(), user == null ? null : user.name(), ZonedDateTime.now(clock));
    }

    /** Which table of several a CSV holds (?part=, the first when not given). */
    private static int part(Context ctx, List<String> parts) {
        String part = ctx.queryParam("part");
        int i = part == null || part.isBlank() ? 0 : parts.indexOf(part.strip());
        if (i < 0) {
            throw new ApiError(400, "part 只能是 " + String.join("、", parts) + " 之一。");
        }
        return i;
    }

    private static String requiredUnit(Context ctx) {
        String unit = Strings.blankToNull(ctx.queryParam("unit"));
        if (unit == null) {
            throw new ApiError(400, "请指定单位（unit）。");
        }
        return unit;
    }

    private static String who(String author) {
        return author == null ? "领导班子" : " " + author;
    }

    private static String fileWho(String unit, String author) {
        return unit + (author == null ? "" : "_" + author);
    }

    /** No characters that Windows refuses in a file name (a unit name may hold a slash). */
    static String fileName(String s) {
        String name = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
