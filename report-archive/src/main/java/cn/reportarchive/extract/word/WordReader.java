package cn.reportarchive.extract.word;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word-processor files read the way their authors see them, in place of Tika's text for them.
 *
 * <p>Why not Tika: the reports number their sections and blocks with Word's automatic list
 * numbering (一、 is {@code chineseCounting} with {@code %1、}, （一） is {@code （%2）}), and Tika
 * 3.3.1 renders a list label only in the formats its list manager knows. Measured on the fixtures
 * of {@code WordNumberingRoundTripTest} (19 reports, each typed and rebuilt with the formats' own
 * numbering): from .docx and .doc a chineseCounting section came out as {@code 1、 存在的问题},
 * a block as {@code （1） …}, ① as {@code 1 }, so the parser found no section in any of them;
 * headings numbered through their paragraph style lost the number, and list instances restarted
 * per block (startOverride) all showed {@code 1.}; from .odt no label at all, and every heading
 * ran into the paragraph after it. Tika also puts the page header and footer (内部资料, 第1页 共3页,
 * the unit's name), footnotes, comments, text boxes, tracked deletions and hidden text among the
 * paragraphs, and the table of contents before the title, whose entries the parser then took for
 * the sections; a table of measures came out one cell a line. Through Tika all 12 round trips of
 * the first three reports failed; through this reader all 76 give the typed report exactly.
 * Fixing that inside Tika would mean replacing its OOXML, Word and ODF decorators; POI, which Tika
 * runs underneath, already gives the document's parts, and walking the body in order is short.
 * So this reader uses POI's objects (XWPF for .docx, HWPF for .doc/.wps) and a secure DOM walk of
 * the ODF content.xml, and renders each label with {@link NumberFormats} and {@link ListCounters};
 * detection, PDF, RTF and HTML stay Tika's. LibreOffice, an independent reader of the same files,
 * shows the same labels. A container POI cannot open goes to Tika unchanged, and failures after
 * opening are translated by the caller, so every hostile file is refused in the same words as
 * before (the 64 of {@code BadFiles}, compared sentence by sentence).
 */
public final class WordReader {
    private static final Logger LOG = LoggerFactory.getLogger(WordReader.class);
    private static final Set<String> DOCX = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template");
    private static final String DOC = "application/msword";
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private final int maxChars;

    public WordReader(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Whether this reader reads files of the detected media type. */
    public static boolean reads(String mediaType) {
        return DOCX.contains(mediaType) || DOC.equals(mediaType) || ODT.equals(mediaType);
    }

    /**
     * The text of a file of a media type {@link #reads} accepts, or empty when the file's container
     * cannot be opened at all: such a damaged file goes to Tika, which salvages what it can (a zip
     * without its central directory) or refuses it in the words the archive has always used. A
     * file the walk trips over (markup no reader of ours expects) goes to Tika too, and the log
     * says so: a report that imported before never fails now. An encrypted .odt is thrown as such.
     */
    public Optional<String> read(byte[] bytes, String mediaType) throws Exception {
        try {
            if (DOCX.contains(mediaType)) {
                return new DocxReader().read(bytes, maxChars);
            }
            if (DOC.equals(mediaType)) {
                return new DocReader().read(bytes, maxChars);
            }
            if (ODT.equals(mediaType)) {
                return new OdtReader().read(bytes, maxChars);
            }
        } catch (RuntimeException e) {
            LOG.warn("the Word reader could not walk a {} file, Tika reads it instead", mediaType, e);
            return Optional.empty();
        }
        throw new IllegalArgumentException(mediaType);
    }
}
