package cn.reportarchive.archive;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One unit as {@code units --json} and {@code GET /api/units} show it: the name it is shown under,
 * every name that means it, its reports and years, and each name with the years it was used.
 */
public record UnitEntry(String unit, List<String> aliases, int reports, List<Integer> years, List<NameUse> names) {
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    public UnitEntry {
        aliases = List.copyOf(aliases);
        years = List.copyOf(years);
        names = List.copyOf(names);
    }

    /** A name of the unit, the years of the reports stored under it and their number. */
    public record NameUse(String name, List<Integer> years, int reports) {
        public NameUse {
            years = List.copyOf(years);
        }
    }

    /** The reports of one year (null: none known) stored under one name. */
    record Use(String name, Integer year, int reports) {
    }

    /**
     * The entries of the units that the uses and the names make up: each use counted for the unit its
     * name now belongs to. Units without a report are left out unless {@code withEmpty}.
     */
    static List<UnitEntry> collect(List<Use> uses, Function<String, String> unitOfName,
                                   Map<String, List<String>> namesByUnit, boolean withEmpty) {
        Map<String, Map<String, List<Use>>> byUnit = new HashMap<>();
        namesByUnit.forEach((unit, names) -> names.forEach(n ->
                byUnit.computeIfAbsent(unit, u -> new HashMap<>()).computeIfAbsent(n, x -> new ArrayList<>())));
        for (Use use : uses) {
            byUnit.computeIfAbsent(unitOfName.apply(use.name()), u -> new HashMap<>())
                    .computeIfAbsent(use.name(), x -> new ArrayList<>()).add(use);
        }
        List<UnitEntry> out = new ArrayList<>();
        byUnit.forEach((unit, names) -> {
            List<NameUse> named = new ArrayList<>();
            TreeSet<Integer> years = new TreeSet<>();
            int reports = 0;
            for (Map.Entry<String, List<Use>> n : names.entrySet()) {
                TreeSet<Integer> ofName = new TreeSet<>();
                int count = 0;
                for (Use u : n.getValue()) {
                    count += u.reports();
                    if (u.year() != null) {
                        ofName.add(u.year());
                    }
                }
                named.add(new NameUse(n.getKey(), List.copyOf(ofName), count));
                years.addAll(ofName);
                reports += count;
            }
            // the names in the order they were used (a renamed unit reads as its history), unused ones last
            named.sort(Comparator.<NameUse, Integer>comparing(n -> n.years().isEmpty() ? Integer.MAX_VALUE : n.years().get(0))
                    .thenComparing(NameUse::name, CHINESE));
            if (reports > 0 || withEmpty) {
                out.add(new UnitEntry(unit, named.stream().map(NameUse::name).toList(), reports, List.copyOf(years), named));
            }
        });
        out.sort(Comparator.comparing(UnitEntry::unit, CHINESE));
        return out;
    }
}
