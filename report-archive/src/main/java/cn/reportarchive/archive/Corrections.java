package cn.reportarchive.archive;

import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.parse.Section;
import cn.reportarchive.parse.SectionType;
import cn.reportarchive.parse.Warnings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a person corrects in a report, kept apart from what the file said. Pure functions: a request
 * is checked ({@link #check}) before anything is touched, turned into corrections against the report
 * as it stands ({@link #made}), and corrections are applied to a report as read ({@link #apply}),
 * again after every re-parse, so that a correction outlives a better parser. The correction wins; its
 * {@code original} is what the file (the latest reading of it) says, shown beside it on the pages.
 *
 * <p>The rules for a year, a unit and an author are the import's ({@link ImportMetadata}): what the
 * command line refuses on import it refuses here, in the same words.
 */
public final class Corrections {
    /** Longer than any report's title: more is a paste gone wrong. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_POST = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    /** A bad correction, said in one Chinese sentence; nothing was changed. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * What a person asks to change: field values as typed (a year as text, a kind as its key), and
     * block aspects by block reference. Values are stripped; an empty request is refused.
     */
    public record Request(Map<Field, String> fields, Map<ItemRef, String> aspects) {
        public Request {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            aspects = aspects == null ? Map.of() : Map.copyOf(aspects);
        }

        public boolean isEmpty() {
            return fields.isEmpty() && aspects.isEmpty();
        }
    }

    private final AspectTaxonomy taxonomy;

    public Corrections(AspectTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Why this request cannot be applied to any report (a value that cannot be right), or null. */
    public String check(Request request) {
        if (request.isEmpty()) {
            return "没有指定要更正的内容（年度、单位、作者、职务、类型、标题或某部分的方面）。";
        }
        for (Map.Entry<Field, String> e : request.fields().entrySet()) {
            String problem = problem(e.getKey(), e.getValue());
            if (problem != null) {
                return problem;
            }
        }
        for (Map.Entry<ItemRef, String> e : request.aspects().entrySet()) {
            if (!e.getKey().isBlock()) {
                return "“" + e.getKey() + "”不是一个部分的编号（应如 problems/3），只能更正整个部分的方面。";
            }
            if (e.getValue() == null || taxonomy.resolve(e.getValue().strip()).isEmpty()) {
                return "未知的方面“" + shorten(e.getValue()) + "”；可用的方面："
                        + String.join("、", taxonomy.aspects().stream().map(a -> a.key() + "（" + a.label() + "）").toList()) + "。";
            }
        }
        return null;
    }

    /** Why this value cannot be stored in this field, or null. A year must be four digits in range. */
    public static String problem(Field field, String raw) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty()) {
            return field.label() + "不能为空。";
        }
        return switch (field) {
            case YEAR -> DIGITS.matcher(value).matches()
                    ? ImportMetadata.yearProblem(Integer.parseInt(value))
                    : "年度“" + shorten(value) + "”不是有效的年份（应为 " + ImportMetadata.FIRST_YEAR
                      + " 至 " + ImportMetadata.LAST_YEAR + " 之间的四位数字）。";
            case UNIT -> ImportMetadata.textProblem("单位", value, ImportMetadata.MAX_UNIT);
            case AUTHOR -> ImportMetadata.textProblem("作者", value, ImportMetadata.MAX_AUTHOR);
            case POST -> ImportMetadata.textProblem("职务", value, MAX_POST);
            case TITLE -> ImportMetadata.textProblem("标题", value, MAX_TITLE);
            case KIND -> value.equals(ReportKind.TEAM.key()) || value.equals(ReportKind.PERSONAL.key()) ? null
                    : "类型“" + shorten(value) + "”无效，只能是 team（班子）或 personal（个人）。";
            case ASPECT -> "方面的更正须指明部分（如 problems/3）。";
        };
    }

    /**
     * The corrections this request makes to the report as it stands (its effective values and the
     * corrections it carries), each with what the file said: a field corrected before keeps the
     * original of its first correction. Refused when a block it names is not in the report.
     */
    public List<Correction> made(Report current, Request request, String by, String at) throws Refused {
        String problem = check(request);
        if (problem != null) {
            throw new Refused(problem);
        }
        List<Correction> out = new ArrayList<>();
        for (Field field : Field.values()) {
            String value = request.fields().get(field);
            if (value != null) {
                value = value.strip();
                out.add(new Correction(field, null, original(current, field, null), value, by, at));
            }
        }
        List<Map.Entry<ItemRef, String>> aspects = request.aspects().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ItemRef::toString))).toList();
        for (Map.Entry<ItemRef, String> e : aspects) {
            if (block(current, e.getKey()) == null) {
                throw new Refused("材料中没有“" + e.getKey() + "”（" + e.getKey().label() + "）这一部分。");
            }
            String aspect = taxonomy.resolve(e.getValue().strip()).orElseThrow();
            out.add(new Correction(Field.ASPECT, e.getKey(), original(current, Field.ASPECT, e.getKey()), aspect, by, at));
        }
        return out;
    }

    /** The stored corrections with these new ones in place of earlier ones about the same thing. */
    public static List<Correction> merged(List<Correction> stored, List<Correction> made) {
        List<Correction> out = new ArrayList<>();
        for (Correction c : stored) {
            if (made.stream().noneMatch(c::sameTarget)) {
                out.add(c);
            }
        }
        out.addAll(made);
        return out;
    }

    /**
     * The report with these corrections applied to it and its warnings recomputed (a corrected year
     * ends no-year). {@code base} is a report as read from its file, or one already corrected: a field
     * it carries a correction for keeps that correction's original. An aspect correction whose block
     * a new parse no longer has is kept in the catalog but not shown.
     */
    public static Report apply(Report base, List<Correction> corrections) {
        if (corrections.isEmpty() && base.corrections().isEmpty()) {
            return base;
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        Map<ItemRef, String> aspects = new LinkedHashMap<>();
        List<Correction> shown = new ArrayList<>();
        for (Correction c : corrections) {
            if (c.field() == Field.ASPECT) {
                if (c.ref() == null || block(base, c.ref()) == null) {
                    continue;
                }
                aspects.put(c.ref(), c.value());
            } else {
                values.put(c.field(), c.value());
            }
            shown.add(c.withOriginal(original(base, c.field(), c.ref())));
        }
        List<Section> sections = aspects.isEmpty() ? base.sections() : withAspects(base.sections(), aspects);
        Report corrected = base.corrected(
                values.getOrDefault(Field.TITLE, base.title()),
                values.containsKey(Field.YEAR) ? Integer.valueOf(values.get(Field.YEAR)) : base.year(),
                values.getOrDefault(Field.UNIT, base.unit()),
                values.getOrDefault(Field.AUTHOR, base.author()),
                values.getOrDefault(Field.POST, base.post()),
                values.containsKey(Field.KIND) ? ReportKind.fromKey(values.get(Field.KIND)) : base.kind(),
                sections, shown);
        return Warnings.refresh(corrected);
    }

    /** What the file said of a field: the original an earlier correction recorded, else the value now. */
    private static String original(Report r, Field field, ItemRef ref) {
        for (Correction c : r.corrections()) {
            if (c.field() == field && Objects.equals(c.ref(), ref)) {
                return c.original();
            }
        }
        return value(r, field, ref);
    }

    /** A field's value as text (a year as digits, a kind as its key), or null when the report has none. */
    public static String value(Report r, Field field, ItemRef ref) {
        return switch (field) {
            case YEAR -> r.year() == null ? null : String.valueOf(r.year());
            case UNIT -> r.unit();
            case AUTHOR -> r.author();
            case POST -> r.post();
            case TITLE -> r.title();
            case KIND -> r.kind() == null || r.kind() == ReportKind.UNKNOWN ? null : r.kind().key();
            case ASPECT -> {
                Block b = ref == null ? null : block(r, ref);
                yield b == null ? null : b.aspect();
            }
        };
    }

    /** The block a reference names, counted through the sections of its type as {@code Passages} counts them. */
    static Block block(Report r, ItemRef ref) {
        if (!ref.isBlock()) {
            return null;
        }
        SectionType type = ref.section();
        int n = 0;
        for (Section s : r.sections()) {
            if (s.type() != type) {
                continue;
            }
            for (Block b : s.blocks()) {
                if (++n == ref.block()) {
                    return b;
                }
            }
        }
        return null;
    }

    private static List<Section> withAspects(List<Section> sections, Map<ItemRef, String> aspects) {
        Map<SectionType, Integer> seen = new EnumMap<>(SectionType.class);
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Block> blocks = new ArrayList<>();
            for (Block b : s.blocks()) {
                int n = seen.merge(s.type(), 1, Integer::sum);
                String aspect = aspects.get(ItemRef.block(s.type(), n));
                blocks.add(aspect == null ? b : b.withAspect(aspect));
            }
            out.add(s.withBlocks(blocks));
        }
        return out;
    }

    /** A value as it may be quoted in a message: control characters shown as �, long ones cut. */
    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String visible = s.replaceAll("[\\p{Cc}\\p{Cf}]", "\uFFFD");
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }
}
