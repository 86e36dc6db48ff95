package cn.reportarchive.auth;

import java.nio.CharBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * What a password must be, the same on the command line and in the browser: at least
 * {@code minLength} characters, of at least {@code minClasses} of the classes letters (Chinese
 * included), digits and other signs, not the user name; and, when {@code maxAgeDays} is positive,
 * changed at least that often (an expired password no longer signs in; an admin sets a new one).
 *
 * <p>ASVS 4.0 (2.1.9) advises against composition rules; the classes are kept because the
 * intranets this archive serves are audited under 等级保护 2.0, which asks for them. Two classes is
 * the least that rule means. The admin may raise the length, the classes and set an expiry
 * ({@code user policy}, the 用户 page); never lower them below the defaults.
 */
public record PasswordPolicy(int minLength, int minClasses, int maxAgeDays) {
    public static final int MAX_LENGTH = 1024;
    private static final int LEAST_LENGTH = 8;
    private static final int LEAST_CLASSES = 2;
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(LEAST_LENGTH, LEAST_CLASSES, 0);

    public PasswordPolicy {
        if (minLength < LEAST_LENGTH || minLength > 128) {
            throw new AccountException("密码最短长度应在 " + LEAST_LENGTH + " 到 128 个字符之间。", true);
        }
        if (minClasses < LEAST_CLASSES || minClasses > 3) {
            throw new AccountException("密码须含的字符种类数应为 2 或 3（字母、数字、符号）。", true);
        }
        if (maxAgeDays < 0 || maxAgeDays > 3650) {
            throw new AccountException("密码有效期应为 0（不过期）到 3650 天。", true);
        }
    }

    /** Refuses a password that breaks the rules, with one sentence saying which. */
    public void check(String name, char[] password) {
        if (password == null || password.length < minLength) {
            throw new AccountException("密码至少要有 " + minLength + " 个字符。", true);
        }
        if (password.length > MAX_LENGTH) {
            throw new AccountException("密码不能超过 " + MAX_LENGTH + " 个字符。", true);
        }
        if (classes(password) < minClasses) {
            throw new AccountException("密码须含字母、数字、符号中至少 " + minClasses + " 种。", true);
        }
        if (name != null && name.contentEquals(CharBuffer.wrap(password))) {
            throw new AccountException("密码不能与用户名相同。", true);
        }
    }

    /** Whether a password set at this instant has expired by now. */
    public boolean expired(Instant setAt, Instant now) {
        return maxAgeDays > 0 && setAt != null && !now.isBefore(setAt.plus(Duration.ofDays(maxAgeDays)));
    }

    static int classes(char[] password) {
        boolean letter = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length; i++) {
            char c = password[i];
            if (Character.isDigit(c)) {
                digit = true;
            } else if (Character.isLetter(c) || Character.isSurrogate(c)) {
                letter = true;
            } else {
                other = true;
            }
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** In Chinese, for the help text and the users page. */
    public String describe() {
        return "至少 " + minLength + " 个字符，含字母、数字、符号中至少 " + minClasses + " 种，不能与用户名相同"
                + (maxAgeDays > 0 ? "；每 " + maxAgeDays + " 天须更换" : "；不过期");
    }
}
