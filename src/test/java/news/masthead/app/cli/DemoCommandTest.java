package news.masthead.app.cli;

import news.masthead.app.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @Test
    void aNegativeOrHugeArticleCountIsRefusedBeforeAnythingStarts() {
        assertThat(Main.run("demo", "--articles", "-5", "--data-dir", "/nonexistent/never-created")).isEqualTo(1);
        assertThat(Main.run("demo", "--articles", "20000000", "--data-dir", "/nonexistent/never-created")).isEqualTo(1);
    }

    @Test
    void aNonNumericArticleCountIsAUsageError() {
        assertThat(Main.run("demo", "--articles", "lots")).isEqualTo(2);
    }
}
