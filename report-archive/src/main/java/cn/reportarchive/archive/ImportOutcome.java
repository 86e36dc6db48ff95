package cn.reportarchive.archive;

import cn.reportarchive.parse.Report;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one file: the line `import --json` prints for it. */
public record ImportOutcome(String file, Status status, String id, String error, @JsonIgnore Report report) {
    public enum Status {
        IMPORTED("imported"), DUPLICATE("duplicate"), FAILED("failed"),
        /** Shown as failed; kept apart so that the server can tell its own failure from the file's. */
        NOT_STORED("failed");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }
    }

    public static ImportOutcome imported(String file, Report report) {
        return new ImportOutcome(file, Status.IMPORTED, report.id(), null, report);
    }

    public static ImportOutcome duplicate(String file, String id) {
        return new ImportOutcome(file, Status.DUPLICATE, id, null, null);
    }

    public static ImportOutcome failed(String file, String error) {
        return new ImportOutcome(file, Status.FAILED, null, error, null);
    }

    /** A failure of the archive itself (storage, shutting down), not of the file. */
    public static ImportOutcome notStored(String file, String error) {
        return new ImportOutcome(file, Status.NOT_STORED, null, error, null);
    }
}
