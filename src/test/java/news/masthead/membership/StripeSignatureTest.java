package news.masthead.membership;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's documented scheme, computed with a real HMAC-SHA256. */
class StripeSignatureTest {
    static final String SECRET = "whsec_test_secret";
    static final Instant NOW = Instant.ofEpochSecond(1_767_225_600L);

    @Test
    void aSignatureOverTheTimestampAndBodyIsAccepted() {
        String body = "{\"id\":\"evt_1\"}";
        String header = StripeSignature.header(body, SECRET, NOW.getEpochSecond());
        assertThat(header).matches("t=1767225600,v1=[0-9a-f]{64}");
        assertThat(StripeSignature.valid(header, body, SECRET, NOW)).isTrue();
        // Stripe may list several v1 signatures while a secret rolls
        assertThat(StripeSignature.valid("t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + "," + header.substring(header.indexOf("v1=")),
                body, SECRET, NOW)).isTrue();
    }

    @Test
    void aChangedBodyAnotherSecretOrAStaleTimestampIsRefused() {
        String body = "{\"id\":\"evt_1\"}";
        String header = StripeSignature.header(body, SECRET, NOW.getEpochSecond());
        assertThat(StripeSignature.valid(header, body + " ", SECRET, NOW)).isFalse();
        assertThat(StripeSignature.valid(header, body, "whsec_other", NOW)).isFalse();
        assertThat(StripeSignature.valid(header, body, SECRET, NOW.plus(StripeSignature.TOLERANCE).plusSeconds(1))).isFalse();
    }

    @Test
    void garbageHeadersAreRefused() {
        for (String header : new String[] {null, "", "t=", "v1=abc", "t=abc,v1=def", "t=1767225600", ",,,", "t=1767225600,v0=00"}) {
            assertThat(StripeSignature.valid(header, "{}", SECRET, NOW)).as(String.valueOf(header)).isFalse();
        }
    }
}
