package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A material copied from another unit's report of the same year: preface, problems, causes and
 * measures taken over with the other unit's names and line of work swapped for one's own, a few
 * points reworded or left out; header, account of last year's measures and closing are one's own.
 */
final class Copier {
    private final TextEdits edits = new TextEdits();

    /** {@code own} is the report the copier would have written; {@code source} the one copied. */
    GenReport copy(GenReport source, GenReport own, Rng r) {
        Swap swap = new Swap(source, own);
        GenReport b = new GenReport(own.track, own.year);
        b.header.addAll(own.header);
        b.title = own.title;
        b.meeting = own.meeting;
        b.unitInText = own.unitInText;
        b.authorInText = own.authorInText;
        b.postAsWritten = own.postAsWritten;
        b.closing.addAll(own.closing);
        b.unusualPledge = own.unusualPledge;
        b.copyOf = source;
        if (r.chance(0.75)) {
            source.preface.forEach(p -> b.preface.add(swap.apply(p)));
        } else {
            b.preface.addAll(own.preface);
        }
        GenSection ownRect = own.section(SectionType.RECTIFICATION);
        Map<GenItem, GenItem> problemMap = new IdentityHashMap<>();
        int edited = 0;
        int dropped = 0;
        for (GenSection s : source.sections) {
            if (s.type == SectionType.RECTIFICATION) {
                continue;
            }
            if (s.type == SectionType.PROBLEMS && ownRect != null) {
                b.sections.add(ownRect);
            }
            GenSection c = new GenSection(s.type, swap.apply(s.heading));
            c.intro = swap.apply(s.intro);
            for (GenBlock sb : s.blocks) {
                GenBlock cb = new GenBlock(sb.heading == null ? null : swap.apply(sb.heading), sb.aspect);
                cb.intro = swap.apply(sb.intro);
                cb.style = sb.style;
                cb.runIn = sb.runIn;
                cb.onePara = sb.onePara;
                cb.semicolons = sb.semicolons;
                cb.prose = sb.prose;
                sb.paragraphs.forEach(p -> cb.paragraphs.add(swap.apply(p)));
                for (GenItem si : sb.items) {
                    boolean droppable = sb.items.size() > 1 && cb.items.size() + 1 < sb.items.size()
                            && (s.type == SectionType.PROBLEMS || s.type == SectionType.MEASURES);
                    if (droppable && r.chance(0.05)) {
                        dropped++;
                        continue;
                    }
                    String body = swap.apply(si.body);
                    boolean edit = r.chance(0.2);
                    if (edit) {
                        body = edits.edit(body, r, 2).getKey();
                        edited++;
                    }
                    GenItem ci = new GenItem(body, swap.applyOrNull(si.gist), swap.applyOrNull(si.result), si.aspect);
                    ci.record = si.record;
                    ci.answers = si.answers;
                    ci.copiedFrom = si;
                    ci.copyEdited = edit;
                    cb.items.add(ci);
                    if (s.type == SectionType.PROBLEMS) {
                        problemMap.put(si, ci);
                    }
                }
                if (cb.items.size() != 1) {
                    cb.prose = false;
                }
                c.blocks.add(cb);
            }
            b.sections.add(c);
        }
        // measures answer the same problems, at their new positions
        List<GenItem> oldProblems = source.problems();
        List<GenItem> newProblems = b.problems();
        for (GenItem m : b.measures()) {
            GenItem answered = m.answers >= 0 && m.answers < oldProblems.size() ? oldProblems.get(m.answers) : null;
            GenItem now = answered == null ? null : problemMap.get(answered);
            m.answers = now == null ? -1 : newProblems.indexOf(now);
        }
        b.copyHow = "the preface, problems, causes and measures of " + source.unit().name()
                + (source.author() != null ? " " + source.author().name() : "") + "'s report taken over with names and"
                + " line of work swapped; " + edited + " points reworded, " + dropped + " left out; header,"
                + " account of last year's measures and closing are the copier's own";
        return b;
    }

    /** One pass of replacements: the source's unit, place, person and line of work for the copier's. */
    static final class Swap {
        private final Map<String, String> map = new LinkedHashMap<>();
        private final Pattern pattern;

        Swap(GenReport from, GenReport to) {
            Unit a = from.unit();
            Unit b = to.unit();
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < a.headers().size(); i++) {
                m.put(a.headers().get(i), b.headers().get(i % b.headers().size()));
            }
            m.put(a.name(), b.name());
            m.put(a.place(), b.place());
            for (Map.Entry<String, List<String>> e : a.terms().entrySet()) {
                List<String> theirs = b.terms().get(e.getKey());
                if (theirs == null) {
                    continue;
                }
                for (int i = 0; i < e.getValue().size(); i++) {
                    String v = e.getValue().get(i);
                    if (v.equals("班子") || v.length() < 2) {
                        continue;
                    }
                    m.putIfAbsent(v, theirs.get(i % theirs.size()));
                }
            }
            if (from.author() != null && to.author() != null) {
                m.put(from.author().name(), to.author().name());
                m.put(from.author().post(), to.author().post());
            }
            List<String> keys = new ArrayList<>(m.keySet());
            keys.removeIf(k -> k.equals(m.get(k)));
            keys.sort((x, y) -> y.length() != x.length() ? y.length() - x.length() : x.compareTo(y));
            StringBuilder alt = new StringBuilder();
            for (String k : keys) {
                map.put(k, m.get(k));
                if (alt.length() > 0) {
                    alt.append('|');
                }
                alt.append(Pattern.quote(k));
            }
            pattern = keys.isEmpty() ? null : Pattern.compile(alt.toString());
        }

        String apply(String text) {
            if (pattern == null || text == null || text.isEmpty()) {
                return text;
            }
            Matcher mt = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (mt.find()) {
                mt.appendReplacement(out, Matcher.quoteReplacement(map.get(mt.group())));
            }
            mt.appendTail(out);
            return out.toString();
        }

        String applyOrNull(String text) {
            return text == null ? null : apply(text);
        }
    }
}
