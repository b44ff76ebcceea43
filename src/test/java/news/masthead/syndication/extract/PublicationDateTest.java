package news.masthead.syndication.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateTest {

    private final PublicationDate dates = new PublicationDate();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019-11-20T05:52:20-05:00|2019-11-20T05:52:20-05:00",
        "2019-11-20T11:19:29+0000|2019-11-20T11:19:29Z",
        "2019-11-19T13:03:00.000Z|2019-11-19T13:03:00Z",
        "2019-11-20 08:15:00|2019-11-20T08:15:00",
        "2019-11-20|2019-11-20",
        "Tue, 19 Nov 2019 03:05:46 GMT|2019-11-19T03:05:46Z",
        "Tue Nov 19 2019 03:05:46 GMT+0000|2019-11-19T03:05:46Z",
        "Tue Nov 19 2019 03:05:46 GMT+0100 (Central European Standard Time)|2019-11-19T03:05:46+01:00",
        "November 19, 2019|2019-11-19",
        "19 November 2019|2019-11-19"})
    void writesTheDatesPublishersUseAsIsoEightSixOhOne(String raw, String iso) {
        assertThat(dates.normalise(raw)).isEqualTo(iso);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yesterday", "2 hours ago", "2019-13-45", "Updated"})
    void givesNullForTextThatIsNoDate(String raw) {
        assertThat(dates.normalise(raw)).isNull();
    }
}
