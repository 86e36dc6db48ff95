package cn.reportarchive.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256: a random 16-byte salt per hash and 600,000
 * iterations (OWASP's figure for this function), about a third of a second on this machine. Chosen
 * over bcrypt or Argon2 because it needs no library (the JDK's provider is maintained and FIPS
 * approved) and the cost is kept in each hash, so it can be raised later without breaking old ones.
 *
 * <p>Stored form: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in Base64.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the password gives this stored hash; compares in constant time. A malformed hash never matches. */
    public boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (rounds < 1 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, rounds, expected.length * 8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the time a verification would, for a user name that does not exist, so that the
     * answer's timing does not tell which names are accounts.
     */
    public void verifyNothing(char[] password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    private static byte[] derive(char[] password, byte[] salt, int rounds) {
        return derive(password, salt, rounds, HASH_BITS);
    }

    private static byte[] derive(char[] password, byte[] salt, int rounds, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
