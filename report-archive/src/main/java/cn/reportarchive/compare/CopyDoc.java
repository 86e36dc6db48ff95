package cn.reportarchive.compare;

import java.util.List;

/**
 * A text the copy check knows: a report of the archive, or a known public template (template true,
 * no unit or year). Pieces are its passages, each with its ref and text.
 */
public record CopyDoc(String id, String unit, String author, Integer year, String title, boolean template,
        List<Piece> pieces) {

    public record Piece(String ref, String text) {
    }

    public CopyDoc {
        pieces = List.copyOf(pieces);
    }

    /** Whether a text of {@code other} may be what this one was copied from. */
    boolean mayCopyFrom(CopyDoc other) {
        if (other == this || other.id.equals(id)) {
            return false;
        }
        if (other.template || template) {
            return other.template && !template;
        }
        boolean sameAuthor = java.util.Objects.equals(unit, other.unit) && java.util.Objects.equals(author, other.author);
        // one's own earlier years count (materials carried over), one's own later years cannot be a source
        return !sameAuthor || other.year != null && year != null && other.year < year;
    }

    boolean sameAuthor(CopyDoc other) {
        return java.util.Objects.equals(unit, other.unit) && java.util.Objects.equals(author, other.author);
    }
}
