package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * What a person corrected in a report, beside what the file said: {@code original} is the value the
 * machine read (null when it read none), {@code value} the correction, which wins. {@code ref} names
 * the block for an aspect correction (problems/3) and is null otherwise. {@code at} is an ISO-8601 instant.
 */
public record Correction(Field field, ItemRef ref, String original, String value, String by, String at) {

    /** The fields a person can correct, by the key the JSON and the command line use. */
    public enum Field implements Keyed {
        YEAR("year", "年度"),
        UNIT("unit", "单位"),
        AUTHOR("author", "作者"),
        POST("post", "职务"),
        KIND("kind", "类型"),
        TITLE("title", "标题"),
        ASPECT("aspect", "方面");

        private final String key;
        private final String label;

        Field(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @JsonValue
        @Override
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Optional<Field> fromKey(String key) {
            return Keyed.find(values(), key);
        }

        @JsonCreator
        static Field of(String key) {
            return Keyed.require(values(), key, "correction field");
        }
    }

    /** The same correction about the same thing: one field, or one block's aspect. */
    public boolean sameTarget(Correction other) {
        return field == other.field && java.util.Objects.equals(ref, other.ref);
    }

    public Correction withOriginal(String newOriginal) {
        return new Correction(field, ref, newOriginal, value, by, at);
    }
}
