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
        if (last == '.') {
            // a Latin full stop typed in the wrong input mode; 1. or 2.5. ends in a digit before it
            return line.length() > 1 && !Character.isDigit(line.charAt(line.length() - 2));
        }
        return "。；;！!？?".indexOf(last) >= 0;
    }
}
