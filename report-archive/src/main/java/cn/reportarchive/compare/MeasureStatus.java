package cn.reportarchive.compare;

import cn.reportarchive.parse.Keyed;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * What became of an earlier year's measure (INTERFACE.md's {@code status}): the later report accounts
 * for it as done, its problem was raised again, or neither. Serialised by key; the label is the
 * pages' and exports' word for it.
 */
public enum MeasureStatus implements Keyed {
    REPORTED("reported", "已报告落实"),
    RECURRED("recurred", "问题再次出现"),
    NO_TRACE("no-trace", "未见下文");

    private final String key;
    private final String label;

    MeasureStatus(String key, String label) {
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

    public static Optional<MeasureStatus> fromKey(String key) {
        return Keyed.find(values(), key);
    }

    @JsonCreator
    static MeasureStatus of(String key) {
        return Keyed.require(values(), key, "measure status");
    }
}
