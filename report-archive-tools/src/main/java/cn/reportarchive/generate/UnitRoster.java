package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invents the units of a region lazily, city by city and county by county (so the roster costs
 * nothing up front and no more memory than one county), and plans each unit's tracks: its team
 * and the people holding its posts, who change every few years.
 */
public final class UnitRoster implements Iterator<Unit> {
    private final Rng rng;
    private final Domains domains;
    private final NameBank names;
    private final Set<String> usedPlaces = new HashSet<>();
    private final List<Unit> pending = new ArrayList<>();
    private int nextIndex;
    private int cityCount;
    private String city;
    private int countiesLeft;

    public UnitRoster(Rng rng) {
        this.rng = rng;
        this.domains = Domains.load();
        this.names = NameBank.load();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Unit next() {
        if (pending.isEmpty()) {
            fill();
        }
        return pending.remove(0);
    }

    private void fill() {
        Rng r = rng.fork("region", nextIndex);
        if (city == null || countiesLeft == 0) {
            city = cityName(r);
            countiesLeft = r.between(6, 12);
            level(r, city, "市", "city");
        } else {
            boolean district = r.chance(0.3);
            String county = uniquePlace(r) + (district ? "区" : "县");
            countiesLeft--;
            level(r, county, district ? "区" : "县", "county");
        }
    }

    private String cityName(Rng r) {
        cityCount++;
        for (int tries = 0; tries < 50; tries++) {
            String c = tries < 20 ? r.pick(names.cities) : names.place(r);
            if (usedPlaces.add(c + "市")) {
                return c + "市";
            }
        }
        return names.place(r) + cityCount + "市";
    }

    private String uniquePlace(Rng r) {
        for (int tries = 0; tries < 200; tries++) {
            String p = names.place(r);
            if (!usedPlaces.contains(p + "县") && !usedPlaces.contains(p + "区") && !usedPlaces.contains(p + "市")) {
                usedPlaces.add(p + "县");
                usedPlaces.add(p + "区");
                return p;
            }
        }
        return names.place(r) + names.place(r);
    }

    /** The units of one city or county, in a shuffled but fixed order. */
    private void level(Rng r, String place, String level, String tier) {
        List<Unit> units = new ArrayList<>();
        List<Domains.Domain> bureaus = new ArrayList<>();
        for (Domains.Domain d : domains.all()) {
            if (!d.levels().contains(tier)) {
                continue;
            }
            switch (d.key()) {
                case "county_committee", "government", "org", "discipline" -> units.add(unit(r, d, place, level, null));
                case "town", "township", "subdistrict", "school", "hospital", "soe" -> {
                }
                default -> bureaus.add(d);
            }
        }
        int bureauCount = Math.min(bureaus.size(), tier.equals("city") ? r.between(14, 22) : r.between(12, 20));
        for (Domains.Domain d : r.sample(bureaus, bureauCount)) {
            units.add(unit(r, d, place, level, null));
        }
        if (tier.equals("county")) {
            int towns = r.between(5, 12);
            Set<String> townNames = new HashSet<>();
            for (int i = 0; i < towns; i++) {
                Domains.Domain d;
                String townName;
                if (level.equals("区") && r.chance(0.6)) {
                    d = domains.get("subdistrict");
                    townName = r.pick(names.streets) + "街道";
                } else {
                    d = domains.get(r.chance(0.75) ? "town" : "township");
                    townName = names.place(r) + (d.key().equals("town") ? "镇" : "乡");
                }
                if (townNames.add(townName)) {
                    units.add(unit(r, d, place, level, townName));
                }
            }
            for (String key : List.of("school", "hospital")) {
                Domains.Domain d = domains.get(key);
                for (String n : r.sample(d.names(), r.between(1, 2))) {
                    units.add(unit(r, d, place, level, n));
                }
            }
        }
        Domains.Domain soe = domains.get("soe");
        for (String n : r.sample(soe.names(), r.between(0, 2))) {
            units.add(unit(r, soe, place, level, n));
        }
        for (Unit u : r.shuffled(units)) {
            pending.add(renumber(u));
        }
    }

    private Unit renumber(Unit u) {
        int i = nextIndex++;
        return new Unit(i, String.format("u%05d", i + 1), u.name(), u.domain(), u.place(), u.level(), u.headers(),
                u.posts(), u.terms());
    }

    private Unit unit(Rng r, Domains.Domain d, String place, String level, String ownName) {
        String name = place + (ownName != null ? ownName : r.pick(d.names()));
        List<String> headers = new ArrayList<>();
        for (String h : d.headers()) {
            headers.add(h.replace("{u}", name).replace("{级}", level));
        }
        List<String> posts = new ArrayList<>();
        for (String p : d.posts()) {
            posts.add(p.replace("{级}", level));
        }
        Map<String, List<String>> terms = new LinkedHashMap<>();
        d.terms().forEach((k, v) -> terms.put(k, v.stream().map(s -> s.replace("{级}", level)).toList()));
        boolean town = d.townLike();
        String superior = level.equals("市") ? "省委" : "市委";
        terms.put("党委", List.of(d.key().equals("county_committee") ? superior : level + "委"));
        if (d.key().equals("county_committee")) {
            terms.put("上级", List.of(superior, superior + "办公厅"));
        } else if (town) {
            terms.put("上级", List.of(level + "委", level + "委组织部"));
        } else {
            terms.put("上级", List.of(level + "委", level + "委办公室", level + "委组织部"));
        }
        terms.put("辖区", town ? List.of(ownName.endsWith("街道") ? "全街道" : ownName.endsWith("乡") ? "全乡" : "全镇", "辖区")
                : List.of("全" + level));
        return new Unit(-1, "", name, d, place, level, List.copyOf(headers), List.copyOf(posts), terms);
    }

    /** The unit's tracks over the given years: its team and the successive holders of its posts. */
    public List<Track> tracks(Unit unit, int firstYear, int lastYear, Rng r) {
        int from = firstYear;
        int to = lastYear;
        double span = r.nextDouble();
        if (span < 0.10 && lastYear - firstYear >= 3) {
            from = firstYear + r.between(1, Math.min(4, lastYear - firstYear));
        } else if (span < 0.15 && lastYear - firstYear >= 3) {
            to = lastYear - r.between(1, Math.min(3, lastYear - firstYear));
        }
        List<Track> tracks = new ArrayList<>();
        List<Integer> teamYears = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            if (y == from || !r.chance(0.04)) { // now and then a year's team report is missing
                teamYears.add(y);
            }
        }
        tracks.add(new Track(unit, null, teamYears));
        int slots = Math.min(unit.posts().size(), 1 + r.weighted(0.30, 0.35, 0.25, 0.10));
        Set<String> used = new HashSet<>();
        int personNo = 0;
        for (int slot = 0; slot < slots; slot++) {
            int y = from - r.between(0, 4); // the first holder may have started before the archive
            while (y <= to) {
                int tenure = r.between(2, 7);
                int start = Math.max(y, from);
                int end = Math.min(y + tenure - 1, to);
                if (end >= start) {
                    String name;
                    do {
                        name = names.person(r);
                    } while (!used.add(name));
                    String post = unit.posts().get(slot);
                    Person p = new Person(String.format("p%02d", ++personNo), name, post, slot, start, end);
                    List<Integer> years = new ArrayList<>();
                    for (int yy = start; yy <= end; yy++) {
                        years.add(yy);
                    }
                    tracks.add(new Track(unit, p, years));
                }
                y = y + tenure + (r.chance(0.2) ? 1 : 0);
            }
        }
        return tracks;
    }
}
