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
}
