package cn.reportarchive.extract.word;

/**
 * The text a reader gives, one paragraph a line, kept up to the character limit as Tika's write
 * limit keeps it: what lies beyond is not read on.
 */
final class Lines {
    /** Thrown when the limit is reached; the reader stops walking and returns what it has. */
    static final class Full extends RuntimeException {
        Full() {
            super("character limit reached", null, false, false);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;

    Lines(int maxChars) {
        this.maxChars = maxChars;
    }

    void add(String line) {
        text.append(line).append('\n');
        if (text.length() >= maxChars) {
            text.setLength(maxChars);
            throw new Full();
        }
    }

    String text() {
        return text.toString();
    }
}
