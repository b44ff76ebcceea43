package news.masthead.platform.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EncodingsTest {

    @Test
    void gzipIsTakenWhenTheClientListsIt() {
        assertThat(Encodings.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(Encodings.acceptsGzip("deflate,gzip;q=1.0")).isTrue();
        assertThat(Encodings.acceptsGzip(" GZIP ")).isTrue();
        assertThat(Encodings.acceptsGzip("x-gzip")).isTrue();
        assertThat(Encodings.acceptsGzip("gzip;q=0.5")).isTrue();
        assertThat(Encodings.acceptsGzip("*")).isTrue();
    }

    @Test
    void gzipIsNotTakenWhenTheClientRefusesOrOmitsIt() {
        assertThat(Encodings.acceptsGzip(null)).isFalse();
        assertThat(Encodings.acceptsGzip("")).isFalse();
        assertThat(Encodings.acceptsGzip("br, deflate")).isFalse();
        assertThat(Encodings.acceptsGzip("identity")).isFalse();
        assertThat(Encodings.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Encodings.acceptsGzip("gzip; q=0.000, *")).isFalse();
        assertThat(Encodings.acceptsGzip("*;q=0")).isFalse();
        assertThat(Encodings.acceptsGzip("gzipx, xgzip")).isFalse();
        assertThat(Encodings.acceptsGzip(",,;;q=")).isFalse();
    }

    @Test
    void ifNoneMatchMatchesEitherTagWeaklyAndInLists() {
        assertThat(Encodings.matchesAny("\"abc\"", "\"abc\"", "\"abc-gz\"")).isTrue();
        assertThat(Encodings.matchesAny("W/\"abc\"", "\"abc\"", "\"abc-gz\"")).isTrue();
        assertThat(Encodings.matchesAny("\"x\", \"abc-gz\"", "\"abc\"", "\"abc-gz\"")).isTrue();
        assertThat(Encodings.matchesAny("*", "\"abc\"", "\"abc-gz\"")).isTrue();
    }

    @Test
    void ifNoneMatchDoesNotMatchOtherOrMangledTags() {
        assertThat(Encodings.matchesAny("\"abd\"", "\"abc\"", "\"abc-gz\"")).isFalse();
        assertThat(Encodings.matchesAny("abc", "\"abc\"", "\"abc-gz\"")).isFalse();
        assertThat(Encodings.matchesAny("\"abc\"x", "\"abc\"", "\"abc-gz\"")).isFalse();
        assertThat(Encodings.matchesAny("", "\"abc\"", "\"abc-gz\"")).isFalse();
        assertThat(Encodings.matchesAny(",,,", "\"abc\"", "\"abc-gz\"")).isFalse();
    }
}
