package cn.reportarchive.parse;

/** Whether a line ends a sentence (and so is no heading). */
final class LineEnds {
    private LineEnds() {
    }

    static boolean sentence(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return "。；;！!？?".indexOf(last) >= 0;
    }
}
