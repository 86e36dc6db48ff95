package cn.reportarchive.generate;

import java.util.List;
import java.util.Map;

/** Surnames, given-name characters and place-name characters (names.txt). */
public final class NameBank {
    private static final NameBank DEFAULT = new NameBank();

    final List<String> surnames;
    final List<String> given;
    final List<String> place1;
    final List<String> place2;
    final List<String> streets;
    final List<String> cities;

    private NameBank() {
        Map<String, DataFile.Section> s = DataFile.read("names.txt");
        surnames = List.copyOf(s.get("姓").words);
        given = List.copyOf(s.get("名").words.stream().distinct().toList());
        place1 = List.copyOf(s.get("地一").words.stream().distinct().toList());
        place2 = List.copyOf(s.get("地二").words.stream().distinct().toList());
        streets = List.copyOf(s.get("街道").words);
        cities = List.copyOf(s.get("市").words);
    }

    public static NameBank load() {
        return DEFAULT;
    }

    /** A person's name: a surname (common ones more often) and one or two given characters. */
    public String person(Rng rng) {
        // a Zipf-like draw: index ~ n * u^2 favours the front of the list
        double u = rng.nextDouble();
        String surname = surnames.get((int) (surnames.size() * u * u));
        String g1 = rng.pick(given);
        if (surname.length() == 2 || rng.chance(0.3)) {
            return surname + g1;
        }
        String g2 = rng.pick(given);
        return surname + g1 + g2;
    }

    /** A two-character place name. */
    public String place(Rng rng) {
        String a = rng.pick(place1);
        String b = rng.pick(place2);
        return a.equals(b) ? a + rng.pick(place2) : a + b;
    }
}
