package cn.reportarchive.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a laid-out report to a file in one format. */
interface ReportWriter {
    /** The file extension this writer produces. */
    String extension();

    /** Writes the paragraphs; returns the charset used for plain text, else null. */
    String write(Path file, List<Layout.Para> paras, GenReport rep, Rng r) throws IOException;
}
