package news.masthead.membership;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stripe's webhook signature, as Stripe documents it: the {@code Stripe-Signature} header carries
 * {@code t=<unix seconds>} and one or more {@code v1=<hex>}; v1 is HMAC-SHA256 keyed with the
 * endpoint secret over {@code "<t>.<raw body>"}. Timestamps more than five minutes away are refused
 * (replay of an old, validly signed delivery).
 */
final class StripeSignature {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StripeSignature() {
    }

    static boolean valid(String header, String payload, String secret, Instant now) {
        if (header == null || secret == null || header.length() > 2000) {
            return false;
        }
        Long t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (t == null || signatures.isEmpty() || Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, t + "." + payload)).getBytes(StandardCharsets.US_ASCII);
        for (String s : signatures) {
            if (MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The header Stripe would send for this payload at {@code t}: for tests and the local CLI. */
    static String header(String payload, String secret, long t) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t + "." + payload));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
