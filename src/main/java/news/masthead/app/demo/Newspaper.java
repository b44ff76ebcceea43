package news.masthead.app.demo;

import java.util.List;

/**
 * The fictional daily the demo shows: its sections and the journalists who write for it. Every name
 * here is invented; any likeness to a real person is chance.
 */
final class Newspaper {
    /** A section of the demo paper. */
    record Desk(String slug, String name, String description) {
    }

    /** A journalist: {@code desks} are the sections they usually write for (filler bylines follow them). */
    record Writer(String slug, String name, String bio, List<String> desks) {
    }

    static final List<Desk> DESKS = List.of(
            new Desk("politics", "Politics", "Parliament, government and the parties, from the chamber to the constituencies."),
            new Desk("world", "World", "News and analysis from our correspondents abroad."),
            new Desk("business", "Business", "Companies, markets, work and the economy."),
            new Desk("science", "Science", "Research, discoveries and the people behind them."),
            new Desk("environment", "Environment", "Climate, nature, farming and the places we live."),
            new Desk("culture", "Culture", "Books, music, film, theatre, art and museums."),
            new Desk("sport", "Sport", "Football, athletics and everything in between."));

    static final List<Writer> WRITERS = List.of(
            new Writer("mara-lindqvist", "Mara Lindqvist",
                    "Mara Lindqvist is the political editor. She has covered four general elections and, she says, too many all-night sittings.",
                    List.of("politics")),
            new Writer("daniel-osei", "Daniel Osei",
                    "Daniel Osei is a parliamentary correspondent. Before joining the paper he reported on local government in Westerby for eight years.",
                    List.of("politics")),
            new Writer("ines-carvalho", "Inês Carvalho",
                    "Inês Carvalho is the world affairs editor. She has reported from more than forty countries and writes about diplomacy, water and borders.",
                    List.of("world")),
            new Writer("tomasz-wrobel", "Tomasz Wróbel",
                    "Tomasz Wróbel is our correspondent on the continent, based in Varenna. He covers transport, labour and regional politics.",
                    List.of("world", "business")),
            new Writer("priya-raman", "Priya Raman",
                    "Priya Raman is the business editor. She writes about companies, ownership and the people who work in them.",
                    List.of("business")),
            new Writer("felix-hartmann", "Felix Hartmann",
                    "Felix Hartmann is the economics correspondent. He trained as a statistician and still reads the footnotes first.",
                    List.of("business", "politics")),
            new Writer("grace-achterberg", "Grace Achterberg",
                    "Grace Achterberg is the science editor. She holds a doctorate in geophysics and has spent three summers on glaciers.",
                    List.of("science", "environment")),
            new Writer("samuel-okafor", "Samuel Okafor",
                    "Samuel Okafor is the environment correspondent. He writes about nature recovery, farming and the climate from his home on the coast.",
                    List.of("environment", "science")),
            new Writer("lucia-ferrante", "Lucia Ferrante",
                    "Lucia Ferrante is the culture editor and the paper's fiction critic. She chairs the jury of the Aldmouth Book Prize.",
                    List.of("culture")),
            new Writer("oisin-brennan", "Oisín Brennan",
                    "Oisín Brennan is the arts correspondent. He writes about museums, architecture and theatre, and reviews music on Sundays.",
                    List.of("culture")),
            new Writer("ruth-abernethy", "Ruth Abernethy",
                    "Ruth Abernethy is the sport editor. She has been at every cup final for twenty years and has opinions about all of them.",
                    List.of("sport")),
            new Writer("kenji-moreau", "Kenji Moreau",
                    "Kenji Moreau writes about athletics, cycling and grassroots sport. He has run the Aldmouth marathon six times.",
                    List.of("sport")));

    private Newspaper() {
    }

    static List<Writer> writersFor(String deskSlug) {
        return WRITERS.stream().filter(w -> w.desks().contains(deskSlug)).toList();
    }
}
