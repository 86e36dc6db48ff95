package cn.reportarchive.archive;

import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.parse.ReportSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a page of the archive's list asks for, and what it gets: filters, an order and a window, so
 * that the 浏览 page, the report pickers and the list exports read one page from the catalog
 * instead of every report.
 *
 * @param unit   the unit (any of its names; resolved by the archive), null for any
 * @param author one author exactly, null for any
 * @param text   words that must each stand in the title, author, file name, unit or year (pickers, 浏览's filter)
 * @param units  the units the caller may read (null: all), see auth/Access
 */
public record Listing(String unit, Integer year, String author, String text, boolean warningsOnly, Set<String> units,
                      Order order, boolean descending, int offset, int limit) {
    /** Largest page served: a page of the list, not the list. */
    public static final int MAX_LIMIT = 500;

    /** The orders the list can be read in; each ends in the report id, so pages never overlap. */
    public enum Order {
        UNIT("unit"), YEAR("year"), IMPORTED("imported");

        private final String key;

        Order(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The order for a key, or null for an unknown one. */
        public static Order of(String key) {
            for (Order o : values()) {
                if (o.key.equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                    return o;
                }
            }
            return null;
        }
    }

    public Listing {
        units = units == null ? null : Set.copyOf(units);
        order = order == null ? Order.UNIT : order;
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    public Listing withUnit(String resolved) {
        return new Listing(resolved, year, author, text, warningsOnly, units, order, descending, offset, limit);
    }

    /** One page of the list and how many reports the filters let through. */
    public record Page(long total, List<ReportSummary> reports) {
    }

    /** A report in a cell of the unit × year grid. */
    public record Cell(String id, String title, ReportKind kind, String author) {
    }

    /** A unit's row: its reports by year (0: year not known). */
    public record Row(String unit, Map<Integer, List<Cell>> years) {
    }

    /**
     * A page of the unit × year grid: {@code offset} and {@code limit} count units; {@code years}
     * are those of every report the filters let through, so pages line up.
     */
    public record Grid(long units, long reports, List<Integer> years, List<Row> rows) {
    }
}
