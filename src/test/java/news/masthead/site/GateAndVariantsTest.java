package news.masthead.site;

import io.javalin.http.Context;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.WebError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate's cut of a body and its names; the variant of a request and how long it is remembered. */
class GateAndVariantsTest {
    static final Context NO_CONTEXT = null;

    @Test
    void theFreePartIsTheFirstBlocksAndTheRestIsHeldBack() {
        Gate.Split split = Gate.split("<p>One</p>\n<h2>Two</h2>\n<p>Three <em>x</em></p>\n<ul><li>Four</li></ul>\n<p>Five</p>", 3);
        assertThat(split.free()).isEqualTo("<p>One</p>\n<h2>Two</h2>\n<p>Three <em>x</em></p>");
        assertThat(split.rest()).isEqualTo("<ul><li>Four</li></ul>\n<p>Five</p>");
        assertThat(split.gated()).isTrue();
    }

    @Test
    void aShortArticleNeverEndsUpEntirelyFree() {
        assertThat(Gate.split("<p>One</p><p>Two</p>", 3).free()).isEqualTo("<p>One</p>");
        assertThat(Gate.split("<p>Only</p>", 3).free()).isEmpty();
        assertThat(Gate.split("<p>Only</p>", 3).rest()).isEqualTo("<p>Only</p>");
        assertThat(Gate.split("", 3).gated()).isFalse();
        assertThat(Gate.split("<p>One</p><p>Two</p>", 0).free()).isEmpty();
    }

    @Test
    void aCutNeverLeavesMarkupOpenEvenInBrokenHtml() {
        Gate.Split split = Gate.split("<p>One<p>Two</div><blockquote><p>Three<p>Four</blockquote>loose text<p>Five", 2);
        assertThat(split.free()).isEqualTo("<p>One</p>\n<p>Two</p>");
        assertThat(split.rest()).contains("Three").contains("Four").contains("loose text").contains("Five");
        assertThat(split.free()).doesNotContain("Three");
    }

    @Test
    void onlyPremiumMagazineAndPartnersCanBeRequired() {
        assertThat(Gate.checkRequirement("requires", " premium ")).isEqualTo("premium");
        assertThat(Gate.checkRequirement("requires", "partner:the-partner")).isEqualTo("partner:the-partner");
        assertThat(Gate.checkRequirement("requires", "")).isNull();
        assertThat(Gate.checkRequirement("requires", null)).isNull();
        for (String bad : new String[] {"ad-light", "epaper", "gold", "Premium", "partner:", "partner:Bad Slug", "prem ium", "premium;drop", "x".repeat(500)}) {
            assertThatThrownBy(() -> Gate.checkRequirement("requires", bad)).as(bad).isInstanceOfSatisfying(WebError.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.field()).isEqualTo("requires");
                assertThat(e.getMessage().length()).isLessThan(300);
            });
        }
        assertThat(Gate.label("partner:the-partner")).isEqualTo("Partner");
        assertThat(Gate.label("premium")).isEqualTo("Premium");
    }

    @Test
    void aRequestWithoutASessionCookieIsAnonymousWithoutAskingAnyone() {
        Variants variants = new Variants(ctx -> null, (ctx, now) -> {
            throw new AssertionError("the database was asked");
        }, new Clocks.Settable(Instant.parse("2026-11-20T10:00:00Z")));
        assertThat(variants.of(NO_CONTEXT)).isEqualTo(Variant.ANONYMOUS);
    }

    @Test
    void aMembersVariantIsRememberedBrieflyAndOnlyWhatShapesPagesCounts() {
        Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-20T10:00:00Z"));
        AtomicInteger lookups = new AtomicInteger();
        Variants variants = new Variants(ctx -> "session-a", (ctx, now) -> {
            lookups.incrementAndGet();
            return Optional.of(new Variants.Standing(7, Set.of("premium", "epaper", "ad-light", "magazine", "partner:the-partner"), null));
        }, clock);
        Variant v = variants.of(NO_CONTEXT);
        assertThat(v.key()).isEqualTo("ad-light+magazine+partner:the-partner+premium");
        assertThat(v.shared()).isFalse();
        variants.of(NO_CONTEXT);
        assertThat(lookups).hasValue(1);
        clock.advance(Variants.REMEMBER);
        variants.of(NO_CONTEXT);
        assertThat(lookups).hasValue(2);
        variants.invalidate(Variants.readerKey(7));
        variants.of(NO_CONTEXT);
        assertThat(lookups).hasValue(3);
        variants.invalidate(Variants.readerKey(8));
        variants.of(NO_CONTEXT);
        assertThat(lookups).hasValue(3);
    }

    @Test
    void aRememberedVariantEndsWhenTheMembershipCanEndByTime() {
        Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-11-20T10:00:00Z"));
        Instant periodEnd = clock.instant().plusSeconds(5);
        Variants variants = new Variants(ctx -> "session-b", (ctx, now) -> Optional.of(new Variants.Standing(9,
                now.isBefore(periodEnd) ? Set.of("premium") : Set.of(), now.isBefore(periodEnd) ? periodEnd : null)), clock);
        assertThat(variants.of(NO_CONTEXT).key()).isEqualTo("premium");
        clock.advance(Duration.ofSeconds(5));
        assertThat(variants.of(NO_CONTEXT)).isEqualTo(Variant.ANONYMOUS);
    }

    @Test
    void anUnknownSessionIsAnonymousAndRememberedSoGarbageCookiesStayCheap() {
        AtomicInteger lookups = new AtomicInteger();
        Variants variants = new Variants(ctx -> "garbage", (ctx, now) -> {
            lookups.incrementAndGet();
            return Optional.empty();
        }, new Clocks.Settable(Instant.parse("2026-11-20T10:00:00Z")));
        assertThat(variants.of(NO_CONTEXT)).isEqualTo(Variant.ANONYMOUS);
        assertThat(variants.of(NO_CONTEXT)).isEqualTo(Variant.ANONYMOUS);
        assertThat(lookups).hasValue(1);
    }
}
