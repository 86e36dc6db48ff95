package cn.reportarchive.extract.word;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters behind a document's list labels, walked in reading order: each numbered paragraph
 * advances its level of its list, restarts the deeper levels that restart after it, and gets the
 * label its level's template makes of the counters. One instance per document; lists are told
 * apart by a key the format reader chooses (Word: the abstract list, or the list instance when it
 * overrides a start value).
 */
public final class ListCounters {
    /** Word's nine levels; ODF allows ten, the tenth shares the ninth's counter. */
    static final int LEVELS = 9;
    private static final int UNSET = Integer.MIN_VALUE;

    private final Map<Object, int[]> counters = new HashMap<>();

    /** Numbers one paragraph at {@code level} of the list {@code key} defined by {@code levels}; its label. */
    public String next(Object key, List<ListLevel> levels, int level) {
        int lvl = Math.max(0, Math.min(level, LEVELS - 1));
        if (lvl >= levels.size()) {
            return "";
        }
        int[] values = counters.computeIfAbsent(key, k -> {
            int[] fresh = new int[LEVELS];
            Arrays.fill(fresh, UNSET);
            return fresh;
        });
        values[lvl] = values[lvl] == UNSET ? levels.get(lvl).start() : values[lvl] + 1;
        for (int deeper = lvl + 1; deeper < LEVELS; deeper++) {
            int restartBelow = deeper < levels.size() ? levels.get(deeper).restartBelow() : deeper;
            if (lvl < restartBelow) {
                values[deeper] = UNSET;
            }
        }
        return label(levels, lvl, values);
    }

    /** The level counts from its start value again at its next paragraph (an ODF item's start-value). */
    public void restart(Object key, int level) {
        int[] values = counters.get(key);
        if (values != null && level >= 0 && level < LEVELS) {
            values[level] = UNSET;
        }
    }

    /** The template with each %n replaced by level n's counter in level n's format. */
    private static String label(List<ListLevel> levels, int lvl, int[] values) {
        ListLevel own = levels.get(lvl);
        String template = own.template();
        if (template == null || "bullet".equals(own.format())) {
            return "";
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) >= '1' && template.charAt(i + 1) <= '9') {
                int ref = template.charAt(++i) - '1';
                if (ref < levels.size()) {
                    ListLevel referenced = levels.get(ref);
                    // a level not numbered yet shows its start value, as Word does
                    int value = values[ref] == UNSET ? referenced.start() : values[ref];
                    label.append(NumberFormats.render(own.legal() ? "decimal" : referenced.format(), value));
                }
            } else {
                label.append(c);
            }
        }
        return label.toString();
    }
}
