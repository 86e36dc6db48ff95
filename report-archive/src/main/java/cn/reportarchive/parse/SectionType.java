package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The parts of a report, by what they do (not by how the heading words them). */
public enum SectionType implements Keyed {
    RECTIFICATION("rectification", "整改落实"),
    PROBLEMS("problems", "问题"),
    CAUSES("causes", "原因"),
    MEASURES("measures", "措施"),
    OTHER("other", "其他");

    private final String key;
    private final String label;

    SectionType(String key, String label) {
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

    public static Optional<SectionType> fromKey(String key) {
        return Keyed.find(values(), key);
    }
}
