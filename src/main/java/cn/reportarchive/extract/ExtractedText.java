package cn.reportarchive.extract;

/** Normalised text of one file and the media type Tika detected for it. */
public record ExtractedText(String text, String mediaType) {
}
