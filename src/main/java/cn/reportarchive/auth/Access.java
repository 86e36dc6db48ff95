package cn.reportarchive.auth;

import cn.reportarchive.parse.UnitNames;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which reports a caller may read: all of them, or those of a set of units. A route that shows
 * or counts reports takes the caller's Access (web: {@code Auth.access(ctx)}) and asks
 * {@link #mayRead(String)} of each report's unit, or passes {@link #units()} to the search as
 * {@code SearchRequest.withUnits}. A report without a unit is readable only with access to all.
 *
 * @param units the unit names readable, each as given and in its canonical form (中共X党组 and X
 *              both stand), or null for every report
 */
public record Access(Set<String> units) {
    public static final Access ALL = new Access(null);

    public Access {
        units = units == null ? null : Set.copyOf(units);
    }

    /** Access to these units, as an account lists them: each is matched as typed and as its canonical name. */
    public static Access only(Collection<String> given) {
        Set<String> names = new LinkedHashSet<>();
        for (String unit : given) {
            if (unit == null || unit.isBlank()) {
                continue;
            }
            names.add(unit.strip());
            String canonical = UnitNames.canonical(unit);
            if (canonical != null) {
                names.add(canonical);
            }
        }
        return new Access(names);
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
