package cn.reportarchive.extract;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The files the archive reads, named once: the extensions a folder import picks up, the list the
 * command line names when it finds none, and what /api/meta gives the upload pages for their file
 * pickers. Extraction itself goes by the bytes (magic), not by these names.
 */
public final class DocumentFormats {
    /** Lower case, without the dot, in the order a user reads them. */
    public static final List<String> EXTENSIONS = List.of("docx", "doc", "wps", "pdf", "rtf", "odt", "txt", "html",
            "htm", "jpg", "jpeg", "png", "tif", "tiff"); // the pictures: photos and scans of pages, read by OCR
    /** Media types a browser's file picker should also offer (a file it names by type, not by extension). */
    public static final List<String> MEDIA_TYPES = List.of("application/pdf", "text/plain", "image/jpeg", "image/png",
            "image/tiff");

    private DocumentFormats() {
    }

    /** Whether a file of this name is one of the formats (by its extension, in any case). */
    public static boolean accepted(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The extensions as a user reads them: {@code .docx .doc .wps …}. */
    public static String listed() {
        return EXTENSIONS.stream().map(e -> "." + e).collect(Collectors.joining(" "));
    }

    /** The value of a file input's {@code accept} attribute: the extensions, then the media types. */
    public static String accept() {
        return EXTENSIONS.stream().map(e -> "." + e).collect(Collectors.joining(",")) + ","
                + String.join(",", MEDIA_TYPES);
    }
}
