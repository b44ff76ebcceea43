package news.masthead.app.demo;

import news.masthead.ads.Creative;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's house ads: painted at twice their slot's size, added once. */
class HouseAdsTest {
    static final RunningMasthead app = RunningMasthead.start();

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theHouseAdsAreAddedOnceWithAltTextAndSiteLinks() {
        new HouseAds(app.masthead.ads()).ensure();
        new HouseAds(app.masthead.ads()).ensure();
        assertThat(app.masthead.ads().creatives()).hasSize(3).allSatisfy(c -> {
            assertThat(c.house()).isTrue();
            assertThat(c.active()).isTrue();
            assertThat(c.linkUrl()).isEqualTo("/membership");
            assertThat(c.altText()).isNotBlank();
        });
        assertThat(app.masthead.ads().creatives()).extracting(Creative::name).contains("Get the ePaper");
    }

    @Test
    void aPaintedCardHasTheSizeAsked() throws Exception {
        BufferedImage card = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                HouseAds.paint(600, 500, java.awt.Color.RED, java.awt.Color.BLUE, "Support our journalism", "Members")));
        assertThat(card.getWidth()).isEqualTo(600);
        assertThat(card.getHeight()).isEqualTo(500);
    }
}
