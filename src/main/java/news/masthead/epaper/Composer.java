package news.masthead.epaper;

import java.time.LocalDate;
import java.util.List;

/**
 * What builds an edition from the newsroom: {@code app} adapts the press feature to it, so the ePaper
 * does not depend on how pages are laid out.
 */
public interface Composer {
    /** The stories an editor starts from for a day (the front page and top stories per section). */
    List<Long> defaultStories(LocalDate day);

    /** Lays the stories out as a newspaper; the PDF and where each story landed. */
    Composed compose(LocalDate day, List<Long> articleIds);

    record Composed(byte[] pdf, List<Placement> placements) {
    }
}
