package cn.reportarchive.archive;

import java.util.ArrayList;
import java.util.List;

/** Counts of an import run and the failures with their reasons. */
public final class ImportSummary {
    private int imported;
    private int duplicates;
    private final List<ImportOutcome> failures = new ArrayList<>();

    void add(ImportOutcome outcome) {
        switch (outcome.status()) {
            case IMPORTED -> imported++;
            case DUPLICATE -> duplicates++;
            case FAILED, NOT_STORED -> failures.add(outcome);
        }
    }

    public int imported() {
        return imported;
    }

    public int duplicates() {
        return duplicates;
    }

    public List<ImportOutcome> failures() {
        return List.copyOf(failures);
    }

    public int total() {
        return imported + duplicates + failures.size();
    }
}
