package news.masthead.syndication.feedin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeFetcherTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::", "ff02::1"})
    void privateLoopbackAndReservedAddressesAreNotPublic(String address) throws UnknownHostException {
        assertThat(SafeFetcher.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"})
    void ordinaryAddressesArePublic(String address) throws UnknownHostException {
        assertThat(SafeFetcher.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/feed", "gopher://example.org/", "jar:file:/x!/y",
            "http://user:pw@example.org/feed"})
    void onlyPlainHttpAddressesAreFetched(String url) {
        assertThatThrownBy(() -> SafeFetcher.requireWebAddress(URI.create(url))).isInstanceOf(ImportFailure.class);
    }

    @Test
    void loopbackIsRefusedUnlessTheSourceIsInternal() throws ImportFailure {
        assertThatThrownBy(() -> SafeFetcher.check(URI.create("http://127.0.0.1:9/feed"), false))
                .hasMessageContaining("private, loopback or reserved");
        SafeFetcher.check(URI.create("http://127.0.0.1:9/feed"), true);
    }

    @Test
    void nearDuplicatesAreTheSameStoryAndDifferentStoriesAreNot() {
        String story = String.join(" ", Feeds.sentence("a", 1), Feeds.sentence("a", 2), Feeds.sentence("a", 3));
        String edited = "Updated: " + story + " With reporting by our correspondent.";
        String other = String.join(" ", Feeds.sentence("b", 1), Feeds.sentence("b", 2), Feeds.sentence("b", 3));
        assertThat(NearDuplicates.similarity(NearDuplicates.signature(story), NearDuplicates.signature(edited)))
                .isGreaterThanOrEqualTo(NearDuplicates.THRESHOLD);
        assertThat(NearDuplicates.similarity(NearDuplicates.signature(story), NearDuplicates.signature(other)))
                .isLessThan(0.2);
        assertThat(NearDuplicates.signature("Too short to judge.")).isNull();
    }
}
