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
    private final String[] reportIds;
    private final String[] units;
    /** 0 for none. */
    private final int[] years;
    /** The points some link reaches: the others are in no group. */
    private final BitSet linked;

    private PointComponents(long[] ords, int[] reportOf, List<String> reportIds, List<String> units, List<Integer> years) {
        this.ords = ords;
        this.reportOf = reportOf;
        this.reportIds = reportIds.toArray(String[]::new);
        this.units = units.toArray(String[]::new);
        this.years = years.stream().mapToInt(y -> y == null ? 0 : y).toArray();
        this.parent = new int[ords.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        this.linked = new BitSet(ords.length);
    }

    static PointComponents read(CopyStore store) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<long[]> byReport = new ArrayList<>();
        int[] size = {0};
        store.forEachReportPoints((id, unit, year, ordsOfReport) -> {
            ids.add(id);
            units.add(unit);
            years.add(year);
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
        PointComponents c = new PointComponents(ords, reportOf, ids, units, years);
        store.forEachLink((ord, rep) -> {
            int a = c.index(ord);
            int b = c.index(rep);
            if (a >= 0 && b >= 0) {
                c.union(a, b);
                c.linked.set(a);
                c.linked.set(b);
            }
        });
        return c;
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
        return reportIds[reportOf[i]];
    }

    String unit(int i) {
        return units[reportOf[i]];
    }

    boolean inYear(int i, Integer wanted) {
        return wanted == null || years[reportOf[i]] == wanted;
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
