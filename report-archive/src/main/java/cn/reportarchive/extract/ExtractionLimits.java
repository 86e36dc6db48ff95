package cn.reportarchive.extract;

import java.time.Duration;

/**
 * Bounds on what one extraction may cost: a hostile or broken file must fail fast,
 * not hold the importer.
 */
public record ExtractionLimits(long maxBytes, Duration timeout, int maxChars) {
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_BYTES, Duration.ofSeconds(60), 5_000_000);
    }

    /** The sentence a user reads when a file is over the size limit. */
    public String tooLargeMessage() {
        return "文件大小超过上限（" + maxSizeLabel() + "），未导入。";
    }

    public String maxSizeLabel() {
        long mb = maxBytes / (1024 * 1024);
        return mb > 0 ? mb + " MB" : maxBytes + " 字节";
    }
}
