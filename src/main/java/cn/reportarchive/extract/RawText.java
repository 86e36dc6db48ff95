package cn.reportarchive.extract;

/** Text as a parser gives it, before normalisation, with the media type detected. */
record RawText(String text, String mediaType) {
}
