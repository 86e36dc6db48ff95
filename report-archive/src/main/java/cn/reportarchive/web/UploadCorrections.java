package cn.reportarchive.web;

import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.archive.Corrections;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.Report;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code title} and {@code kind} fields of an upload (the 导入 page lets both be set).
 * They are not import metadata: the file's own title and kind stay what the file said, and what the
 * person typed is stored beside them as a correction (shown as such, audited, kept by reindex). The
 * values are checked before anything is stored, by the correction's own rules, so that a bad one
 * refuses the upload with its sentence instead of storing a report half as asked.
 */
final class UploadCorrections {
    private final Map<Field, String> fields;

    private UploadCorrections(Map<Field, String> fields) {
        this.fields = fields;
    }

    /** The title and kind of the upload form; 400 for a value that cannot be right. */
    static UploadCorrections of(Context ctx) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        put(fields, Field.TITLE, ctx.formParam("title"));
        put(fields, Field.KIND, ctx.formParam("kind"));
        for (Map.Entry<Field, String> e : fields.entrySet()) {
            String problem = Corrections.problem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new ApiError(400, problem);
            }
        }
        return new UploadCorrections(fields);
    }

    private static void put(Map<Field, String> fields, Field field, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(field, value.strip());
        }
    }

    /** The report just imported, corrected as the form asked (and the correction audited). */
    Report apply(Context ctx, ReportArchive archive, Audit audit, ImportOutcome imported) throws Exception {
        if (fields.isEmpty()) {
            return imported.report();
        }
        Optional<ReportArchive.Edited> edited;
        try {
            edited = archive.edit(imported.id(), new Corrections.Request(fields, Map.of()), Auth.principal(ctx).name());
        } catch (Corrections.Refused e) {
            throw new ApiError(400, e.getMessage()); // checked above; a refusal here is a rule of the report itself
        }
        if (edited.isEmpty()) {
            return imported.report(); // deleted in the meantime: the import's answer stands
        }
        audit.record(ctx, AuditAction.CORRECT, imported.id(), CorrectionAudit.detail(edited.get()));
        return edited.get().after();
    }
}
