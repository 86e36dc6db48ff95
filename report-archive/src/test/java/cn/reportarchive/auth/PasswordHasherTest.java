package cn.reportarchive.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("春风化雨2024!".toCharArray());
        assertTrue(hasher.verify("春风化雨2024!".toCharArray(), stored));
        assertFalse(hasher.verify("春风化雨2024".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
        assertFalse(stored.contains("春风化雨"), stored);
    }

    @Test
    void eachHashHasItsOwnSaltAndTheDefaultCost() {
        String a = hasher.hash("same-password".toCharArray());
        String b = hasher.hash("same-password".toCharArray());
        assertNotEquals(a, b);
        String[] pa = a.split("\\$");
        String[] pb = b.split("\\$");
        assertEquals("pbkdf2-sha256", pa[0]);
        assertEquals(String.valueOf(PasswordHasher.DEFAULT_ITERATIONS), pa[1]);
        assertNotEquals(pa[2], pb[2], "salts differ");
        assertNotEquals(pa[3], pb[3]);
        assertTrue(hasher.verify("same-password".toCharArray(), a));
        assertTrue(hasher.verify("same-password".toCharArray(), b));
    }

    @Test
    void aHashKeepsItsOwnCostSoTheDefaultCanBeRaised() {
        String cheap = new PasswordHasher(1000).hash("password1".toCharArray());
        assertTrue(cheap.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.verify("password1".toCharArray(), cheap));
        assertFalse(hasher.verify("password2".toCharArray(), cheap));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String bad : new String[] {null, "", "password1", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAA$AAAA",
                "pbkdf2-sha256$1000$***$AAAA", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA$"}) {
            assertFalse(hasher.verify("password1".toCharArray(), bad), String.valueOf(bad));
        }
    }
}
