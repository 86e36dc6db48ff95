package cn.reportarchive.extract;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Page numbers that a PDF carries between the lines of the text. */
final class PageFurniture {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－\\s]*\\d{1,4}[-—–－\\s]*|第\\s*\\d+\\s*页(\\s*[,，/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+");

    private PageFurniture() {
    }

    static String strip(String text) {
        return text.lines()
                .filter(line -> !PAGE_NUMBER.matcher(line.strip()).matches())
                .collect(Collectors.joining("\n"));
    }
}
