package cn.reportarchive.compare;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The problem points, joined into groups by their links (a union-find), each with its report, unit and
 * year. Read as the store keeps them: a report's points in one row (its unit and year said once), a band's
 * links in one row, so that few rows cross from SQLite into Java: at 100,000 reports, 1.4 million points and 3
 * million links read a row each took 7 s warm (every column a call into the driver) and 20 s from disk.
 * The links are streamed into the union-find, never held.
 */
final class PointComponents {
    /**
     * Bytes a point takes here, and while it is read: its ord, its parent, its report's number, its ord
     * again in its report's list while the points are read, and its share of the reports' strings.
     */
    static final long BYTES_PER_POINT = 48;

    private final long[] ords;
    private final int[] parent;
    private final int[] reportOf;
    private final Source[] reports;
    /** The points some link reaches: the others are in no group. */
    private final BitSet linked;

    /** The report points stand in, with its unit and year. */
    private record Source(String id, String unit, Integer year) {
    }

    private PointComponents(long[] ords, int[] reportOf, List<Source> reports) {
        this.ords = ords;
        this.reportOf = reportOf;
        this.reports = reports.toArray(Source[]::new);
        this.parent = new int[ords.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        this.linked = new BitSet(ords.length);
    }

    static PointComponents read(CopyStore store) throws SQLException {
        List<Source> reports = new ArrayList<>();
        List<long[]> byReport = new ArrayList<>();
        int[] size = {0};
        store.forEachReportPoints((id, unit, year, ordsOfReport) -> {
            reports.add(new Source(id, unit, year));
            byReport.add(ordsOfReport);
            size[0] += ordsOfReport.length;
        });
        // sorted, for the union-find to find a point by binary search (ords are hashes: any long, each once)
        long[] ords = new long[size[0]];
        int at = 0;
        for (long[] of : byReport) {
            System.arraycopy(of, 0, ords, at, of.length);
            at += of.length;
        }
        Arrays.sort(ords);
        int[] reportOf = new int[ords.length];
        for (int report = 0; report < byReport.size(); report++) {
            for (long ord : byReport.get(report)) {
                reportOf[Arrays.binarySearch(ords, ord)] = report;
            }
            byReport.set(report, null);
        }
        PointComponents c = new PointComponents(ords, reportOf, reports);
        store.forEachLink(c::link);
        return c;
    }

    /** A point taken in since the groups were read. */
    record Added(long ord, String reportId, String unit, Integer year) {
    }

    /**
     * These groups with points and links added, as an import adds them (links only join: a change that
     * removes a link, which may split a group, is read again instead); null when an added point is here
     * already. One merge of the sorted points, so a batch of imports costs one pass, not one each.
     */
    PointComponents with(List<Added> points, List<long[]> links) {
        Added[] added = points.toArray(Added[]::new);
        Arrays.sort(added, java.util.Comparator.comparingLong(Added::ord));
        List<Source> grown = new ArrayList<>(Arrays.asList(reports));
        java.util.Map<String, Integer> reportOfAdded = new java.util.HashMap<>();
        int n = ords.length + added.length;
        long[] mergedOrds = new long[n];
        int[] mergedReport = new int[n];
        int[] moved = new int[ords.length]; // old index -> new
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (j < added.length && i < ords.length && added[j].ord() == ords[i]
                    || j > 0 && j < added.length && added[j].ord() == added[j - 1].ord()) {
                return null;
            }
            if (j >= added.length || i < ords.length && ords[i] < added[j].ord()) {
                mergedOrds[k] = ords[i];
                mergedReport[k] = reportOf[i];
                moved[i++] = k;
            } else {
                Added a = added[j++];
                mergedOrds[k] = a.ord();
                mergedReport[k] = reportOfAdded.computeIfAbsent(a.reportId(), id -> {
                    grown.add(new Source(id, a.unit(), a.year()));
                    return grown.size() - 1;
                });
            }
        }
        PointComponents c = new PointComponents(mergedOrds, mergedReport, grown);
        for (int old = 0; old < ords.length; old++) {
            c.parent[moved[old]] = moved[parent[old]];
            if (linked.get(old)) {
                c.linked.set(moved[old]);
            }
        }
        for (long[] link : links) {
            c.link(link[0], link[1]);
        }
        return c;
    }

    /** Joins the groups of two points, when both are here. */
    private void link(long ord, long rep) {
        int a = index(ord);
        int b = index(rep);
        if (a >= 0 && b >= 0) {
            union(a, b);
            linked.set(a);
            linked.set(b);
        }
    }

    int size() {
        return ords.length;
    }

    long ord(int i) {
        return ords[i];
    }

    boolean linked(int i) {
        return linked.get(i);
    }

    String report(int i) {
        return reports[reportOf[i]].id();
    }

    String unit(int i) {
        return reports[reportOf[i]].unit();
    }

    boolean inYear(int i, Integer wanted) {
        return wanted == null || wanted.equals(reports[reportOf[i]].year());
    }

    private int index(long ord) {
        return Arrays.binarySearch(ords, ord);
    }

    int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
