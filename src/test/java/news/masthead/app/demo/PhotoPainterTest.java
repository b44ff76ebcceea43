package news.masthead.app.demo;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoPainterTest {
    @Test
    void everySceneIsA1600By1000Jpeg() throws IOException {
        for (PhotoPainter.Scene scene : PhotoPainter.Scene.values()) {
            byte[] jpeg = PhotoPainter.paint(7, scene);
            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(image.getWidth()).isEqualTo(1600);
            assertThat(image.getHeight()).isEqualTo(1000);
        }
    }

    @Test
    void theSameSeedPaintsTheSameBytesAndAnotherSeedAnotherPicture() {
        assertThat(PhotoPainter.paint(3, PhotoPainter.Scene.MOUNTAINS)).isEqualTo(PhotoPainter.paint(3, PhotoPainter.Scene.MOUNTAINS));
        assertThat(PhotoPainter.paint(4, PhotoPainter.Scene.MOUNTAINS)).isNotEqualTo(PhotoPainter.paint(3, PhotoPainter.Scene.MOUNTAINS));
    }
}
