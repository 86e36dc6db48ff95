package cn.reportarchive.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Which reports a caller may read: all of them, or those of a set of units. A route that shows
 * or counts reports takes the caller's Access (web: {@code Auth.access(ctx)}) and asks
 * {@link #mayRead(String)} of each report's unit, or passes {@link #units()} to the search as
 * {@code SearchRequest.withUnits}. A report without a unit is readable only with access to all.
 *
 * <p>A report's unit is the name its unit is shown under (archive/UnitDirectory), so the units an
 * account lists are resolved the same way when the caller's Access is made (at every request: a
 * merge counts at once): a viewer of 中共临江县财政局党组 reads every report of that unit, whichever
 * of its names a report was stored under.
 *
 * @param units the unit names readable, as the archive shows them, or null for every report
 */
public record Access(Set<String> units) {
    public static final Access ALL = new Access(null);

    public Access {
        units = units == null ? null : Set.copyOf(units);
    }

    /**
     * Access to these units, as an account lists them, each resolved by {@code unitOf} to the name its
     * unit is shown under (the archive's unit directory).
     */
    public static Access only(Collection<String> given, UnaryOperator<String> unitOf) {
        Set<String> names = new LinkedHashSet<>();
        for (String unit : given) {
            String shown = unit == null || unit.isBlank() ? null : unitOf.apply(unit.strip());
            if (shown != null) {
                names.add(shown);
            }
        }
        return new Access(names);
    }

    /** Access to no report at all. */
    public static Access none() {
        return new Access(Set.of());
    }

    public boolean all() {
        return units == null;
    }

    public boolean mayRead(String unit) {
        return units == null || (unit != null && units.contains(unit));
    }

    /** The items whose unit may be read, in their order. */
    public <T> List<T> filter(List<T> items, Function<T, String> unitOf) {
        return units == null ? items : items.stream().filter(i -> mayRead(unitOf.apply(i))).toList();
    }
}
