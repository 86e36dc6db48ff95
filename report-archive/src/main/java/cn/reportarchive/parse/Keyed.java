package cn.reportarchive.parse;

import java.util.Optional;

/**
 * An enum named by a stable key: what the JSON, the command line, the URL and the tables store,
 * which must not change when a constant is renamed. The lookups by key live here once, for every
 * such enum (roles, audit actions, section types, correction fields, statuses, formats…).
 */
public interface Keyed {
    String key();

    /** The constant of {@code constants} with this key; empty for null or an unknown key. */
    static <E extends Keyed> Optional<E> find(E[] constants, String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (E e : constants) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** For a {@code @JsonCreator}: the constant with this key, or IllegalArgumentException naming {@code what}. */
    static <E extends Keyed> E require(E[] constants, String key, String what) {
        return find(constants, key).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " " + key));
    }

    /** The keys as a sentence lists choices: {@code admin、inspector 或 viewer}. */
    static String choices(Keyed[] constants) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            out.append(i == 0 ? "" : i == constants.length - 1 ? " 或 " : "、").append(constants[i].key());
        }
        return out.toString();
    }
}
