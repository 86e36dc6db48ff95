package cn.reportarchive.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {$key} values for one report: the unit's words, the year's, the author's, and numbers. */
final class Ctx implements Grammar.Vars {
    private final Map<String, List<String>> values = new HashMap<>();

    Ctx put(String key, List<String> alternatives) {
        values.put(key, alternatives);
        return this;
    }

    Ctx put(String key, String value) {
        values.put(key, List.of(value));
        return this;
    }

    Ctx putAll(Map<String, List<String>> more) {
        values.putAll(more);
        return this;
    }

    @Override
    public String get(String key, Rng rng) {
        List<String> v = values.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return v.size() == 1 ? v.get(0) : rng.pick(v);
    }
}
