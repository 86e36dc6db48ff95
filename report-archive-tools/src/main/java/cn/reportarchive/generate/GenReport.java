package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as planned: who wrote it and when, its header lines, preface, sections and closing,
 * with everything the ground truth says about it. The layout turns it into lines of text; the
 * writers into files.
 */
public final class GenReport {
    final Track track;
    final int year;
    final List<String> header = new ArrayList<>();
    String title;
    String meeting;
    /** Whether the unit, the author and the post can be read from the text itself. */
    boolean unitInText;
    boolean authorInText;
    String postAsWritten;
    final List<String> preface = new ArrayList<>();
    final List<GenSection> sections = new ArrayList<>();
    final List<String> closing = new ArrayList<>();
    /** Whether the closing pledge opens with words the parser does not know for one. */
    boolean unusualPledge;
    /** The report this one was copied from (another unit's, same year), or null. */
    GenReport copyOf;
    String copyHow;
    /** Facts of the file's layout that a reader of it may need (pdfTitleLines …). */
    final java.util.Map<String, Object> layout = new java.util.LinkedHashMap<>();
    /** The same track's report of the year before, when the two are compared in the ground truth. */
    GenReport previous;
    /** Where it was written (relative path) and in which format and charset. */
    String file;
    String format;
    String charset;

    GenReport(Track track, int year) {
        this.track = track;
        this.year = year;
    }

    public Track track() {
        return track;
    }

    public int year() {
        return year;
    }

    public Unit unit() {
        return track.unit();
    }

    public Person author() {
        return track.person();
    }

    public String title() {
        return title;
    }

    public String meeting() {
        return meeting;
    }

    public boolean unitInText() {
        return unitInText;
    }

    public boolean authorInText() {
        return authorInText;
    }

    public String postAsWritten() {
        return postAsWritten;
    }

    public List<GenSection> sections() {
        return sections;
    }

    public String file() {
        return file;
    }

    public String format() {
        return format;
    }

    public String charset() {
        return charset;
    }

    public java.util.Map<String, Object> layout() {
        return layout;
    }

    public GenReport copyOf() {
        return copyOf;
    }

    public boolean unusualPledge() {
        return unusualPledge;
    }

    public GenSection section(SectionType type) {
        return sections.stream().filter(s -> s.type == type).findFirst().orElse(null);
    }

    /** All problem items in order (the index used by {@link GenItem#answers}). */
    public List<GenItem> problems() {
        return items(SectionType.PROBLEMS);
    }

    public List<GenItem> measures() {
        return items(SectionType.MEASURES);
    }

    public List<GenItem> items(SectionType type) {
        List<GenItem> out = new ArrayList<>();
        GenSection s = section(type);
        if (s != null) {
            for (GenBlock b : s.blocks) {
                out.addAll(b.items);
            }
        }
        return out;
    }
}
