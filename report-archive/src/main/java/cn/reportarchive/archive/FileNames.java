package cn.reportarchive.archive;

import java.util.regex.Pattern;

/**
 * The name a file is kept and shown under: its base name only (no folders, so "../" leads nowhere),
 * without control or formatting characters (terminal escapes, line breaks, right-to-left overrides
 * that disguise an extension), at most {@link #MAX_LENGTH} characters with the extension kept.
 */
public final class FileNames {
    public static final int MAX_LENGTH = 200;
    public static final String UNNAMED = "未命名文件";
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private FileNames() {
    }

    public static String clean(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = INVISIBLE.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return UNNAMED;
        }
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }
}
