package news.masthead.press;

import java.util.List;

/** A composed edition: the PDF, its number of pages and where each story went, in the editor's order. */
public record Composition(byte[] pdf, int pages, List<Placement> placements) {
    public Composition {
        placements = List.copyOf(placements);
    }
}
