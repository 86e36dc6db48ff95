package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans one report: the year's aspects (or an author's own list), problem blocks filled from the
 * phrase banks and with last year's problems planted among them, causes, measures answering the
 * problems, the account of last year's measures, numbering styles and layout choices. Everything
 * is drawn from the given random stream, so the same stream plans the same report.
 */
public final class Composer {
    private static final List<String> TEAM_SOME = List.of("有的班子成员", "个别班子成员", "班子成员");
    private static final List<String> CAUSE_BASE = List.of("theory", "political", "people", "integrity");
    private static final List<String> CAUSE_MORE = List.of("responsibility", "style", "ability", "leadership");

    private final PhraseBook book;
    private final YearCalendar calendar;
    private final HeaderComposer headers;
    private final Planter planter = new Planter();
    private final cn.reportarchive.parse.AspectTaxonomy taxonomy = cn.reportarchive.parse.AspectTaxonomy.defaults();

    public Composer(PhraseBook book, YearCalendar calendar) {
        this.book = book;
        this.calendar = calendar;
        this.headers = new HeaderComposer(book);
    }

    /** The report of a track in a year; {@code prev} is the same track's report of the year before, if any. */
    public GenReport compose(Track track, int year, GenReport prev, Rng r) {
        GenReport rep = new GenReport(track, year);
        YearCalendar.Year cal = calendar.year(year);
        Ctx ctx = context(track, cal, r);
        headers.header(rep, cal, r);

        Style style = Style.draw(r);
        List<YearCalendar.AspectHeading> list = aspectList(cal, r);
        boolean noBlocks = r.chance(0.05);

        // preface, and now and then an "other" section before the problems
        boolean prep = r.chance(0.08);
        if (!prep || r.chance(0.5)) {
            headers.preface(rep, ctx, r);
        }
        if (prep) {
            GenSection s = new GenSection(SectionType.OTHER, book.expand("sec_prep", r, ctx));
            GenBlock b = new GenBlock(null, null);
            // (a personal preparation is told as 一是……二是……, which would make points of it: not here)
            if (s.heading.startsWith("学习收获") || !track.team()) {
                b.paragraphs.add(book.expand("收获", r, ctx));
            } else {
                b.paragraphs.add(book.expand("preface_team", r, ctx));
            }
            s.blocks.add(b);
            rep.sections.add(s);
        } else if (List.of(2019, 2021, 2023).contains(year) && r.chance(0.3)) {
            GenSection s = new GenSection(SectionType.OTHER, "学习收获和思想认识");
            GenBlock b = new GenBlock(null, null);
            b.paragraphs.add(book.expand("收获", r, ctx));
            if (r.chance(0.4)) {
                b.paragraphs.add(book.expand("收获", r, ctx));
            }
            s.blocks.add(b);
            rep.sections.add(s);
        }

        // last year's measures: the account comes first
        boolean rect = prev != null ? r.chance(track.team() ? 0.72 : 0.6) : r.chance(0.22);
        if (rect) {
            rep.sections.add(rectification(prev, ctx, style, r));
        }

        List<Planter.Carry> carries = prev != null ? planter.repeats(prev, r) : List.of();
        GenSection problems = problems(rep, prev, list, noBlocks, carries, style, ctx, r);
        rep.sections.add(problems);
        rep.sections.add(causes(ctx, style, r));
        rep.sections.add(measures(rep, problems, prev, noBlocks, style, ctx, cal, r));

        if (!track.team() && r.chance(0.12)) {
            GenSection s = new GenSection(SectionType.OTHER, book.expand("sec_after_personal", r, ctx));
            GenBlock b = new GenBlock(null, null);
            b.paragraphs.add(book.expand("个人事项", r, ctx));
            s.blocks.add(b);
            rep.sections.add(s);
        } else if (track.team() && r.chance(0.04)) {
            GenSection s = new GenSection(SectionType.OTHER, book.expand("sec_after", r, ctx));
            GenBlock b = new GenBlock(null, null);
            b.paragraphs.add(book.expand("其他说明", r, ctx));
            s.blocks.add(b);
            rep.sections.add(s);
        }
        headers.closing(rep, ctx, r);
        return rep;
    }

    // ------------------------------------------------------------------ context

    Ctx context(Track track, YearCalendar.Year cal, Rng r) {
        Ctx ctx = new Ctx();
        ctx.putAll(track.unit().terms());
        for (String k : List.of("会议", "主题", "教育", "思想", "大会", "政治", "原著")) {
            ctx.put(k, cal.word(k));
        }
        ctx.put("对照", cal.word("对照"));
        ctx.put("年", String.valueOf(cal.year()));
        ctx.put("上年", String.valueOf(cal.year() - 1));
        ctx.put("下年", String.valueOf(cal.year() + 1));
        if (track.team()) {
            ctx.put("有的", TEAM_SOME);
            List<String> we = new ArrayList<>(track.unit().terms().get("主体"));
            we.add("我们");
            ctx.put("我", we);
        } else {
            ctx.put("主体", List.of("我"));
            ctx.put("有的", List.of("我", "自己"));
            ctx.put("我", List.of("我"));
        }
        return ctx;
    }

    // ------------------------------------------------------------------ aspects

    private List<YearCalendar.AspectHeading> aspectList(YearCalendar.Year cal, Rng r) {
        List<YearCalendar.AspectHeading> list;
        if (r.chance(0.85)) {
            list = new ArrayList<>(cal.aspects());
        } else {
            // an author's own list: four to six of the usual aspects, in the usual order
            List<YearCalendar.AspectHeading> generic = calendar.generic();
            List<YearCalendar.AspectHeading> pick = r.sample(generic, r.between(4, 6));
            pick.sort((a, b) -> Integer.compare(generic.indexOf(a), generic.indexOf(b)));
            list = pick;
        }
        if (list.size() > 4 && r.chance(0.08)) {
            list.remove(r.nextInt(list.size()));
        }
        return list;
    }

    // ------------------------------------------------------------------ problems

    private GenSection problems(GenReport rep, GenReport prev, List<YearCalendar.AspectHeading> list, boolean noBlocks,
            List<Planter.Carry> carries, Style style, Ctx ctx, Rng r) {
        boolean personal = !rep.track.team();
        String heading;
        if (r.chance(0.4)) {
            ctx.put("对照", r.pick(calendar.year(rep.year).word("对照")));
            heading = book.expand("sec_problems_named", r, ctx);
        } else if (personal && r.chance(0.3)) {
            heading = book.expand("sec_problems_personal", r, ctx);
        } else {
            heading = book.expand("sec_problems", r, ctx);
        }
        GenSection s = new GenSection(SectionType.PROBLEMS, heading);
        if (r.chance(0.15)) {
            s.intro = book.expand("problems_intro", r, ctx);
        }
        // a fresh problem is not last year's under another draw: the truth says which ones repeat
        Set<String> usedRecords = new HashSet<>();
        if (prev != null) {
            prev.problems().forEach(p -> usedRecords.add(p.record));
        }
        List<GenBlock> blocks = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (noBlocks) {
            GenBlock b = new GenBlock(null, null);
            style.apply(b, r, false);
            blocks.add(b);
            counts.add(r.between(4, 7));
        } else {
            for (YearCalendar.AspectHeading a : list) {
                GenBlock b = new GenBlock(blockHeading(r.pick(a.headings()), r), a.aspect());
                style.apply(b, r, true);
                blocks.add(b);
                counts.add(switch (r.weighted(5, 35, 45, 15)) {
                    case 0 -> 1;
                    case 1 -> 2;
                    case 2 -> 3;
                    default -> 4;
                });
            }
        }
        // where last year's problems land: their own aspect if the year has it, else (or when the
        // author moves them) another block
        List<List<GenItem>> planted = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            planted.add(new ArrayList<>());
        }
        for (Planter.Carry c : carries) {
            int target = -1;
            List<Integer> same = new ArrayList<>();
            List<Integer> other = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                if (counts.get(i) < 2 || planted.get(i).size() >= counts.get(i) - 1) {
                    continue;
                }
                if (blocks.get(i).aspect != null && blocks.get(i).aspect.equals(c.from().aspect)) {
                    same.add(i);
                } else {
                    other.add(i);
                }
            }
            if (!same.isEmpty() && !c.move()) {
                target = r.pick(same);
            } else if (!other.isEmpty()) {
                target = r.pick(other);
            } else if (!same.isEmpty()) {
                target = r.pick(same);
            }
            if (target >= 0) {
                GenItem item = planter.restate(c, blocks.get(target).aspect, r);
                planted.get(target).add(item);
                usedRecords.add(item.record);
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            GenBlock b = blocks.get(i);
            List<GenItem> items = new ArrayList<>();
            int fresh = counts.get(i) - planted.get(i).size();
            for (int k = 0; k < fresh; k++) {
                String aspect = b.aspect != null ? b.aspect : r.pick(PhraseBook.ASPECTS);
                items.add(freshProblem(aspect, b.aspect, usedRecords, ctx, r));
            }
            for (GenItem p : planted.get(i)) {
                items.add(r.nextInt(items.size() + 1), p);
            }
            b.items.addAll(items);
            if ((b.style.inline() && b.items.size() > 9) || (b.style == ItemStyle.CIRCLED && b.items.size() > 10)) {
                b.style = ItemStyle.DOT;
            }
            if (b.heading != null && r.chance(0.3)) {
                ctx.put("正面", book.expand(b.aspect + ".正面", r, ctx));
                b.intro = book.expand(personal ? "intro_personal" : "intro", r, ctx);
            }
            if (b.items.size() == 1 && b.heading != null && r.chance(0.5)) {
                b.prose = true;
            }
            s.blocks.add(b);
        }
        return s;
    }

    private GenItem freshProblem(String recordAspect, String blockAspect, Set<String> used, Ctx ctx, Rng r) {
        List<Grammar.Entry> records = book.problems(recordAspect);
        Grammar.Entry e = pickUnused(records, recordAspect + ".problem", used, r);
        String gist = PhraseBook.field(e, 0, r, ctx);
        String detail = PhraseBook.field(e, 1, r, ctx);
        for (int tries = 0; tries < 6 && repeatsClause(gist + "，" + detail); tries++) {
            detail = PhraseBook.field(e, 1, r, ctx);
        }
        if (detail.split("，").length <= 3 && r.chance(0.8)) {
            // one more way it shows, from the aspect's pool (the fixed records alone repeat too
            // often), put after the detail's first clause so that a consequence stays last
            String more = book.expand(recordAspect + ".表现", r, ctx);
            int cut = detail.indexOf('，');
            String longer = cut < 0 ? detail + "，" + more : detail.substring(0, cut) + "，" + more + detail.substring(cut);
            if (!repeatsClause(gist + "，" + longer)) {
                detail = longer;
            }
        }
        double x = r.nextDouble();
        String body;
        if (x < 0.65) {
            body = gist + "，" + detail;
        } else if (x < 0.82) {
            body = gist + "。" + detail;
        } else {
            body = gist + "，" + shorten(detail);
        }
        GenItem item = new GenItem(body, gist, null, blockAspect);
        item.record = e.key();
        return item;
    }

    private static Grammar.Entry pickUnused(List<Grammar.Entry> records, String prefix, Set<String> used, Rng r) {
        List<Grammar.Entry> free = new ArrayList<>(records.size());
        for (Grammar.Entry e : records) {
            if (!used.contains(e.key())) {
                free.add(e);
            }
        }
        Grammar.Entry e = free.isEmpty() ? r.pick(records) : r.pick(free);
        used.add(e.key());
        return e;
    }

    /** Whether a clause comes twice (a pool drawn from twice can give the same clause). */
    static boolean repeatsClause(String text) {
        List<String> clauses = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || "，。；".indexOf(text.charAt(i)) >= 0) {
                if (i > start) {
                    String c = text.substring(start, i);
                    if (clauses.contains(c)) {
                        return true;
                    }
                    clauses.add(c);
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The detail without its last clause, when it has more than one. */
    private static String shorten(String detail) {
        int cut = detail.lastIndexOf('，');
        return cut > 8 ? detail.substring(0, cut) : detail;
    }

    /** A heading as written: now and then without its leading 在. */
    private static String blockHeading(String words, Rng r) {
        return words.startsWith("在") && words.length() > 8 && r.chance(0.15) ? words.substring(1) : words;
    }

    // ------------------------------------------------------------------ causes

    private GenSection causes(Ctx ctx, Style style, Rng r) {
        GenSection s = new GenSection(SectionType.CAUSES, book.expand("sec_causes", r, ctx));
        if (r.chance(0.2)) {
            s.intro = book.expand("causes_intro", r, ctx);
        }
        if (r.chance(0.1)) {
            // no sub-headings: a lead-in and the causes as 一是……二是……
            GenBlock b = new GenBlock(null, null);
            b.style = ItemStyle.INLINE;
            b.intro = book.expand("causes_noblock_intro", r, ctx);
            b.onePara = r.chance(0.5);
            for (String a : r.sample(CAUSE_BASE, r.between(3, 4))) {
                b.items.add(new GenItem(book.expand("cause." + a + ".item", r, ctx), null, null, null));
            }
            s.intro = "";
            s.blocks.add(b);
            return s;
        }
        List<String> aspects = new ArrayList<>();
        for (String a : CAUSE_BASE) {
            if (r.chance(0.85)) {
                aspects.add(a);
            }
        }
        if (r.chance(0.5)) {
            aspects.add(Math.min(aspects.size(), r.between(1, 3)), r.pick(CAUSE_MORE));
        }
        while (aspects.size() < 3) {
            String a = r.pick(CAUSE_MORE);
            if (!aspects.contains(a)) {
                aspects.add(a);
            }
        }
        for (String a : aspects) {
            GenBlock b = new GenBlock(book.expand("cause." + a + ".heading", r, ctx), a);
            if (r.chance(0.25)) {
                b.style = ItemStyle.INLINE;
                b.runIn = r.chance(0.4);
                b.onePara = r.chance(0.7);
                for (Grammar.Entry e : r.sample(book.grammar.entries("cause." + a + ".item"), r.between(2, 3))) {
                    b.items.add(new GenItem(PhraseBook.field(e, 0, r, ctx), null, null, a));
                }
                if (b.items.size() < 2) {
                    b.items.clear();
                    b.paragraphs.add(book.expand("cause." + a + ".prose", r, ctx));
                }
            } else {
                b.runIn = r.chance(0.35);
                StringBuilder para = new StringBuilder();
                for (Grammar.Entry e : r.sample(book.grammar.entries("cause." + a + ".prose"), r.between(1, 2))) {
                    para.append(PhraseBook.field(e, 0, r, ctx));
                }
                b.paragraphs.add(para.toString());
            }
            s.blocks.add(b);
        }
        return s;
    }

    // ------------------------------------------------------------------ measures

    private GenSection measures(GenReport rep, GenSection problems, GenReport prev, boolean noBlocks, Style style,
            Ctx ctx, YearCalendar.Year cal, Rng r) {
        GenSection s = new GenSection(SectionType.MEASURES, book.expand("sec_measures", r, ctx));
        if (r.chance(0.15)) {
            s.intro = book.expand("measures_intro", r, ctx);
        }
        List<GenItem> allProblems = rep.problems();
        Set<String> usedRecords = new HashSet<>();
        if (prev != null) {
            for (GenItem m : prev.measures()) {
                usedRecords.add(m.record);
            }
        }
        boolean flat = noBlocks || r.chance(0.06);
        List<GenBlock> blocks = new ArrayList<>();
        GenBlock flatBlock = null;
        if (flat) {
            flatBlock = new GenBlock(null, null);
            style.apply(flatBlock, r, false);
        }
        boolean shuffled = !flat && r.chance(0.15);
        for (GenBlock pb : problems.blocks) {
            String aspect = pb.aspect;
            GenBlock mb = flat ? flatBlock : new GenBlock(measureHeading(pb, shuffled, cal, r), aspect);
            if (!flat) {
                style.apply(mb, r, true);
            }
            for (GenItem p : pb.items) {
                if (!r.chance(0.85) && !(pb.items.size() == 1 || mb.items.isEmpty() && p == pb.items.get(pb.items.size() - 1))) {
                    continue;
                }
                String recordAspect = aspect != null ? aspect : (p.record != null ? p.record.substring(0, p.record.indexOf('.')) : "style");
                GenItem m = null;
                if (p.origin != null && prev != null && r.chance(0.4)) {
                    GenItem promised = answering(prev, p.origin);
                    if (promised != null) {
                        m = planter.repromise(promised, aspect, r);
                    }
                }
                if (m == null) {
                    m = freshMeasure(recordAspect, aspect, usedRecords, ctx, r);
                }
                m.answers = allProblems.indexOf(p);
                mb.items.add(m);
            }
            if (!flat && r.chance(0.08)) {
                GenItem extra = freshMeasure(aspect, aspect, usedRecords, ctx, r);
                mb.items.add(extra);
            }
            if (!flat) {
                if (mb.items.size() == 1 && r.chance(0.3)) {
                    mb.prose = true;
                }
                blocks.add(mb);
            }
        }
        if (flat) {
            if ((flatBlock.style.inline() && flatBlock.items.size() > 9)
                    || (flatBlock.style == ItemStyle.CIRCLED && flatBlock.items.size() > 10)) {
                flatBlock.style = ItemStyle.DUN; // nobody writes 十二是, and ⑪ is missing from GB fonts
            }
            s.blocks.add(flatBlock);
        } else {
            s.blocks.addAll(shuffled ? r.shuffled(blocks) : blocks);
        }
        return s;
    }

    private static GenItem answering(GenReport prev, GenItem problem) {
        int index = prev.problems().indexOf(problem);
        for (GenItem m : prev.measures()) {
            if (m.answers == index && index >= 0) {
                return m;
            }
        }
        return null;
    }

    private GenItem freshMeasure(String recordAspect, String blockAspect, Set<String> used, Ctx ctx, Rng r) {
        Grammar.Entry e = pickUnused(book.measures(recordAspect), recordAspect + ".measure", used, r);
        String core = PhraseBook.field(e, 0, r, ctx);
        String detail = PhraseBook.field(e, 1, r, ctx);
        for (int tries = 0; tries < 6 && repeatsClause(core + "，" + detail); tries++) {
            detail = PhraseBook.field(e, 1, r, ctx);
        }
        String result = PhraseBook.field(e, 2, r, ctx);
        if (detail.split("，").length <= 2 && r.chance(0.8)) {
            String more = book.expand(recordAspect + (r.chance(0.6) ? ".目标" : ".做法"), r, ctx);
            if (!repeatsClause(core + "，" + detail + "，" + more)) {
                detail = detail + "，" + more;
            }
        }
        double x = r.nextDouble();
        String body = x < 0.75 ? core + "，" + detail : x < 0.9 ? core + "。" + detail : core + "，" + shorten(detail);
        GenItem item = new GenItem(body, core, result, blockAspect);
        item.record = e.key();
        return item;
    }

    /** A measure block's heading: derived from the problem heading, or the aspect in stock words. */
    private String measureHeading(GenBlock problem, boolean shuffled, YearCalendar.Year cal, Rng r) {
        String h = problem.heading;
        String core = r.pick(calendar.measureCores(problem.aspect));
        double x = r.nextDouble();
        if (!shuffled && h != null && h.startsWith("在带头") && h.endsWith("方面") && x < 0.6) {
            return h.substring(1, h.length() - 2);
        }
        if (!shuffled && h != null && h.startsWith("在") && h.endsWith("方面") && h.length() >= 12 && x < 0.3) {
            return h.substring(1, h.length() - 2);
        }
        double y = r.nextDouble();
        if (y < 0.45) {
            return "在" + core + "上下功夫";
        }
        if (y < 0.6) {
            return core;
        }
        if (y < 0.75) {
            return r.pick(List.of("着力", "持续", "进一步")) + core;
        }
        if (y < 0.87) {
            return "针对" + taxonomy.label(problem.aspect) + "方面存在的问题";
        }
        return "聚焦" + core + "，抓好整改落实";
    }

    // ------------------------------------------------------------------ rectification

    private GenSection rectification(GenReport prev, Ctx ctx, Style style, Rng r) {
        GenSection s = new GenSection(SectionType.RECTIFICATION, book.expand("sec_rect", r, ctx));
        GenBlock b = new GenBlock(null, null);
        b.style = style.rectStyle(r);
        b.onePara = r.chance(0.4);
        if (prev != null) {
            List<GenItem> reported = planter.reported(prev, r);
            List<GenItem> problems = prev.problems();
            int blocks = prev.section(SectionType.PROBLEMS).blocks.size();
            int measures = prev.measures().size();
            int done = Math.max(reported.size(), Math.min(measures, reported.size() + r.between(0, 3)));
            ctx.put("问题块数", String.valueOf(blocks));
            ctx.put("问题数", String.valueOf(problems.size()));
            ctx.put("措施数", String.valueOf(measures));
            ctx.put("已完成", String.valueOf(done));
            ctx.put("推进中", String.valueOf(measures - done));
            b.intro = book.expand("rect_intro", r, ctx);
            for (GenItem m : reported) {
                GenItem problem = m.answers >= 0 && m.answers < problems.size() ? problems.get(m.answers) : null;
                GenItem item = new GenItem(Planter.account(m, problem, r, book, ctx), null, null, null);
                item.reports = m;
                b.items.add(item);
            }
        } else {
            // the account of a year that is not in the archive: nothing to link it to
            b.intro = book.expand("rect_intro_unlinked", r, ctx);
            for (int i = 0; i < r.between(2, 5); i++) {
                String aspect = r.pick(PhraseBook.ASPECTS);
                Grammar.Entry pe = r.pick(book.problems(aspect));
                Grammar.Entry me = r.pick(book.measures(aspect));
                GenItem problem = new GenItem("", PhraseBook.field(pe, 0, r, ctx), null, aspect);
                GenItem measure = new GenItem("", PhraseBook.field(me, 0, r, ctx), PhraseBook.field(me, 2, r, ctx), aspect);
                b.items.add(new GenItem(Planter.account(measure, problem, r, book, ctx), null, null, null));
            }
        }
        s.blocks.add(b);
        return s;
    }

    /** Numbering and layout habits of one author, applied block by block. */
    static final class Style {
        final ItemStyle base;
        final boolean mixed;
        final boolean halfWidthBlocks;
        final boolean sectionDot;

        private Style(ItemStyle base, boolean mixed, boolean halfWidthBlocks, boolean sectionDot) {
            this.base = base;
            this.mixed = mixed;
            this.halfWidthBlocks = halfWidthBlocks;
            this.sectionDot = sectionDot;
        }

        static Style draw(Rng r) {
            ItemStyle base = ItemStyle.values()[r.weighted(20, 25, 12, 3, 40)];
            return new Style(base, r.chance(0.22), r.chance(0.03), r.chance(0.03));
        }

        ItemStyle pick(Rng r) {
            return mixed && r.chance(0.5) ? ItemStyle.values()[r.weighted(20, 25, 12, 3, 40)] : base;
        }

        ItemStyle rectStyle(Rng r) {
            ItemStyle s = pick(r);
            return s == ItemStyle.CIRCLED ? ItemStyle.DOT : s;
        }

        /** Numbering and layout of a block with points. */
        void apply(GenBlock b, Rng r, boolean hasHeading) {
            b.style = pick(r);
            b.onePara = r.chance(0.7);
            b.semicolons = r.chance(0.2);
            b.runIn = hasHeading && (b.style.inline() ? r.chance(0.55) : r.chance(0.2));
        }
    }
}
