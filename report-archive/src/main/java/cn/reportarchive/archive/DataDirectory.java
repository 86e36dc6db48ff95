package cn.reportarchive.archive;

import java.nio.file.Path;

/** Where the parts of an archive live in its data directory. */
public record DataDirectory(Path root) {
    public Path catalog() {
        return root.resolve("catalog.db");
    }

    public Path originals() {
        return root.resolve("originals");
    }

    public Path index() {
        return root.resolve("lucene");
    }

    /** Locked while a write is half done (see WritesUnderWay): a dot file, no backup needs it. */
    public Path writesUnderWay() {
        return root.resolve(".writing");
    }

    /** The clean-close mark (a dot file: a backup leaves it behind, so a restored archive is checked whole). */
    public Path cleanClose() {
        return root.resolve(".closed-cleanly");
    }
}
