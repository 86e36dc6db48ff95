package cn.reportarchive.extract;

/** Told when a page of a scan starts being read by OCR, so that a long scan shows progress. */
@FunctionalInterface
public interface PageProgress {
    /** Page {@code page} (1-based) of the {@code pages} of {@code filename} to be OCR'd starts now. */
    void page(String filename, int page, int pages);
}
