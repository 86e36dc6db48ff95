package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The points of one section type in a report: its items, and a block written as prose counts as
 * one point. A block's intro before its items is self-assessment, not a point, and is left out.
 */
public final class ReportPoints {
    private ReportPoints() {
    }

    public static List<Point> of(Report report, SectionType type) {
        List<Passage> passages = Passages.of(report).stream().filter(p -> p.section() == type).toList();
        Set<ItemRef> blocksWithItems = new HashSet<>();
        for (Passage p : passages) {
            if (p.ref().isItem()) {
                blocksWithItems.add(p.ref().blockRef());
            }
        }
        List<Point> points = new ArrayList<>();
        for (Passage p : passages) {
            if (p.ref().block() == null || !p.ref().isItem() && blocksWithItems.contains(p.ref())) {
                continue; // a section's or a block's intro
            }
            points.add(new Point(p.ref(), type, p.ref().block(), p.aspect(), p.text()));
        }
        return points;
    }
}
