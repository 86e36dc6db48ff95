package cn.reportarchive.extract.word;

import java.util.Optional;
import java.util.Set;

/**
 * Word-processor files read the way their authors see them, in place of Tika's text for them.
 *
 * <p>Why not Tika: the reports number their sections and blocks with Word's automatic list
 * numbering (一、 is {@code chineseCounting} with {@code %1、}, （一） is {@code （%2）}), and Tika
 * 3.3.1 renders a list label only in the formats its list manager knows (decimal, letters,
 * roman): measured on the fixtures of {@code WordNumberingRoundTripTest}, a chineseCounting
 * section heading came out as {@code 1、存在的问题}, a block as {@code （1）…} and a point as
 * {@code 1.}, so the parser saw no section at all; labels carried by a paragraph style came out
 * without their number, and the .odt reader dropped every list label. Tika also puts the page
 * header and footer (内部资料, 第1页 共3页, the unit's name) and the text of footnotes, comments and
 * text boxes among the paragraphs, and a table of contents before the title. Fixing that inside
 * Tika would mean replacing its OOXML, Word and ODF decorators; POI, which Tika runs underneath,
 * already gives the document's parts, and walking the body in order is short. So this reader
 * uses POI's objects (XWPF for .docx, HWPF for .doc/.wps) and an ODF walk of content.xml, and
 * renders each label with {@link NumberFormats} and {@link ListCounters}; everything else
 * (detection, PDF, RTF, HTML, failures) stays Tika's. The zip-bomb check and the translation of
 * failures into sentences are the caller's, so a damaged or hostile file is refused in the same
 * words as before.
 */
public final class WordReader {
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
     * without its central directory) or refuses it in the words the archive has always used.
     * A failure after the file is open is thrown as it comes, for the caller to translate.
     */
    public Optional<String> read(byte[] bytes, String mediaType) throws Exception {
        if (DOCX.contains(mediaType)) {
            return new DocxReader().read(bytes, maxChars);
        }
        if (DOC.equals(mediaType)) {
            return new DocReader().read(bytes, maxChars);
        }
        if (ODT.equals(mediaType)) {
            return new OdtReader().read(bytes, maxChars);
        }
        throw new IllegalArgumentException(mediaType);
    }
}
