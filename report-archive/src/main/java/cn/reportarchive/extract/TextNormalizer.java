package cn.reportarchive.extract;

/**
 * The chain that makes text from every format look the same to the parser:
 * unified line breaks and blanks, page furniture and hard wraps removed (PDF),
 * and the stray spaces that PDF export puts around digits, Latin letters and quotes dropped.
 */
public final class TextNormalizer {
    private final LineReflow reflow = new LineReflow();
    private final SpaceCleaner spaces = new SpaceCleaner();

    public String normalize(String raw, boolean hardWrapped) {
        String text = Whitespace.unify(raw);
        if (hardWrapped) {
            text = PageFurniture.strip(text);
        }
        text = spaces.clean(text);
        if (hardWrapped) {
            text = reflow.reflow(text);
        }
        return Whitespace.dropEmptyLines(text);
    }
}
