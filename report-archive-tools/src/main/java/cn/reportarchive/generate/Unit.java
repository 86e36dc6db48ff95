package cn.reportarchive.generate;

import java.util.List;
import java.util.Map;

/**
 * One unit of the generated archive. {@code name} is its canonical name (what the importer should
 * reduce every header form to); {@code headers} are the ways its team is named in a header
 * (中共临江县财政局党组 …), {@code terms} the words of its work and place for the phrase banks.
 */
public record Unit(int index, String code, String name, Domains.Domain domain, String place, String level,
        List<String> headers, List<String> posts, Map<String, List<String>> terms) {

    public String term(String key, Rng rng) {
        List<String> v = terms.get(key);
        return v == null ? null : rng.pick(v);
    }
}
