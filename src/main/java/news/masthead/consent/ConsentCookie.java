package news.masthead.consent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The consent cookie's value: {@code version.mask.subject.signature}, where mask is a bit per
 * optional category and the signature an HMAC-SHA256 over the rest. A value that does not parse or
 * whose signature does not match is no consent at all.
 */
final class ConsentCookie {
    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,8})\\.([0-7])\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Category[] BITS = {Category.PREFERENCES, Category.ANALYTICS, Category.ADVERTISING};
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    ConsentCookie(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    static String newSubject() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String encode(Choice choice) {
        int mask = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (choice.granted().contains(BITS[i])) {
                mask |= 1 << i;
            }
        }
        String body = choice.policyVersion() + "." + mask + "." + choice.subject();
        return body + "." + sign(body);
    }

    Optional<Choice> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + "." + m.group(2) + "." + m.group(3);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int mask = Integer.parseInt(m.group(2));
        Set<Category> granted = EnumSet.noneOf(Category.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mask & (1 << i)) != 0) {
                granted.add(BITS[i]);
            }
        }
        return Optional.of(new Choice(Integer.parseInt(m.group(1)), granted, m.group(3)));
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
