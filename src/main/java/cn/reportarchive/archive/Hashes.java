package cn.reportarchive.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content addresses: the SHA-256 of the bytes, and the report id derived from it. */
public final class Hashes {
    /** Hex digits of the hash that make the id: 64 bits, plenty for one archive, short enough for a URL. */
    private static final int ID_LENGTH = 16;

    private Hashes() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String idOf(String sha256) {
        return sha256.substring(0, ID_LENGTH);
    }
}
