package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"share-bar", "shareBar", "post-comments", "newsCaption", "cookie_notice", "ad-slot",
        "sidebar-right", "related-stories", "site-footer", "sign-up-box", "tag-list", "sr-only"})
    void marksNamesThatSayBoilerplate(String name) {
        assertThat(BoilerplateFilter.hasNegativeName(BoilerplateFilter.words(name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"article-body", "story", "entry-content", "shadow-box", "loaded", "headline",
        "main-column", "readable", "post"})
    void leavesNamesThatMerelyContainAShortBoilerplateWord(String name) {
        assertThat(BoilerplateFilter.hasNegativeName(BoilerplateFilter.words(name))).isFalse();
    }
}
