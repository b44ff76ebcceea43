package news.masthead.search;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-01T09:00:00Z"));
    static final Newsroom newsroom = new Newsroom(db, clock);
    static final Path dir = tempDir();
    static Search search = new Search(newsroom, dir, "en", clock);
    static final Author reporter;

    static {
        newsroom.onChange(c -> search.poke());
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "business", "Business", "", 2);
        reporter = newsroom.saveAuthor(null, "wilhelmina-quaddle", "Wilhelmina Quaddle", "", null);
    }

    @AfterAll
    static void close() {
        search.close();
        db.close();
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("search-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long publish(String headline, String body) {
        return publish(headline, "", body, "world", List.of(), List.of());
    }

    static long publish(String headline, String standfirst, String body, String section, List<Long> authors, List<String> tags) {
        long id = newsroom.create(new ArticleDraft(headline, "", standfirst, body, null, section, authors, tags, "", "", "", ""), null);
        newsroom.publish(id, null);
        return id;
    }

    static SearchResults find(String text) {
        return search.find(SearchRequest.of(text));
    }

    static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    /** Polls until the assertion holds (the index follows the outbox asynchronously). */
    static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Test
    void aPublishedArticleIsFoundByItsHeadlineBodyAuthorAndTagWords() {
        long id = publish("Zeppelin festival returns", "Organisers said", "The marmalade stalls were crowded.",
                "world", List.of(reporter.id()), List.of("Airships"));
        eventually(() -> assertThat(ids(find("zeppelin"))).containsExactly(id));
        assertThat(ids(find("marmalade"))).containsExactly(id);
        assertThat(ids(find("organisers zeppelin"))).containsExactly(id);
        assertThat(ids(find("Quaddle"))).contains(id);
        assertThat(ids(find("airships"))).containsExactly(id);
    }

    @Test
    void aPublishedArticleIsSearchableWithinASecond() {
        long id = publish("Quokka census completed", "Rangers counted every quokka on the island.");
        // behavioural: the follower is poked on publish; the generous timeout only guards against a slow machine
        eventually(() -> assertThat(ids(find("quokka"))).containsExactly(id));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        long id = publish("River floods the valley", "Water rose overnight.");
        eventually(() -> assertThat(ids(find("flooding"))).contains(id));
        assertThat(ids(find("flooded valleys"))).contains(id);
    }

    @Test
    void accentsAreFolded() {
        long id = publish("A new café opens on the square", "The crème brûlée sold out.");
        eventually(() -> assertThat(ids(find("cafe"))).contains(id));
        assertThat(ids(find("creme brulee"))).contains(id);
        assertThat(ids(find("CAFÉ"))).contains(id);
    }

    @Test
    void aHeadlineMatchOutranksABodyMention() {
        long inBody = publish("Council meeting notes", "Among other things the councillors discussed the narwhal exhibit at length today.");
        long inHeadline = publish("Narwhal arrives at aquarium", "Keepers welcomed the animal.");
        eventually(() -> assertThat(ids(find("narwhal"))).containsExactly(inHeadline, inBody));
    }

    @Test
    void highlightsMarkTheWordsAndEscapeMarkupFromTheContent() {
        long id = publish("Ocelot <script>alert(1)</script> sighting", "A `<script>` tag & an ocelot <b>walked</b> by, \"quoted\".");
        eventually(() -> assertThat(ids(find("ocelot"))).containsExactly(id));
        SearchResults.Hit hit = find("ocelot").hits().getFirst();
        assertThat(hit.headlineHtml()).contains("<mark>Ocelot</mark>").contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(hit.snippetHtml()).contains("<mark>ocelot</mark>").contains("&lt;script&gt;").doesNotContain("<script")
                .doesNotContain("<b>");
        String withoutMarks = hit.headlineHtml().replace("<mark>", "").replace("</mark>", "")
                + hit.snippetHtml().replace("<mark>", "").replace("</mark>", "");
        assertThat(withoutMarks).doesNotContain("<").doesNotContain(">");
    }

    @Test
    void sectionAndDateFiltersSortAndPagination() {
        clock.set(Instant.parse("2025-01-10T12:00:00Z"));
        long oldWorld = publish("Walrus report one", "", "walrus", "world", List.of(), List.of());
        clock.set(Instant.parse("2025-02-10T12:00:00Z"));
        long business = publish("Walrus report two", "", "walrus", "business", List.of(), List.of());
        clock.set(Instant.parse("2025-03-10T12:00:00Z"));
        long newWorld = publish("Walrus report three", "", "walrus walrus walrus", "world", List.of(), List.of());
        clock.set(Instant.parse("2026-03-01T09:00:00Z"));
        eventually(() -> assertThat(find("walrus").total()).isEqualTo(3));

        assertThat(ids(search.find(new SearchRequest("walrus", "business", null, null, SearchRequest.Order.RELEVANCE, 1))))
                .containsExactly(business);
        assertThat(ids(search.find(new SearchRequest("walrus", null, LocalDate.parse("2025-02-10"), LocalDate.parse("2025-03-09"),
                SearchRequest.Order.RELEVANCE, 1)))).containsExactly(business);
        assertThat(ids(search.find(new SearchRequest("walrus", null, null, null, SearchRequest.Order.NEWEST, 1))))
                .containsExactly(newWorld, business, oldWorld);
        assertThat(ids(search.find(new SearchRequest("", "world", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                SearchRequest.Order.RELEVANCE, 1)))).containsExactly(newWorld, oldWorld);

        for (int i = 0; i < 12; i++) {
            publish("Puffin note " + i, "puffin");
        }
        eventually(() -> assertThat(find("puffin").total()).isEqualTo(12));
        SearchResults second = search.find(SearchRequest.of("puffin").withPage(2));
        assertThat(second.total()).isEqualTo(12);
        assertThat(second.totalExact()).isTrue();
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.hits()).hasSize(2);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(find("puffin")));
        assertThat(search.find(SearchRequest.of("puffin").withPage(3)).hits()).isEmpty();
    }

    @Test
    void anUnpublishedArticleLeavesTheIndex() {
        long id = publish("Axolotl exhibit opens", "Visitors queued.");
        eventually(() -> assertThat(ids(find("axolotl"))).containsExactly(id));
        newsroom.unpublish(id);
        eventually(() -> assertThat(find("axolotl").hits()).isEmpty());
    }

    @Test
    void anEditedArticleIsFoundByItsNewWordsOnly() {
        long id = publish("Badger sett found", "Under the old oak.");
        eventually(() -> assertThat(ids(find("badger"))).containsExactly(id));
        newsroom.save(id, 1, ArticleDraft.of("Hedgehog sett found", "", "Under the old oak.", "world"), null);
        newsroom.publish(id, null);
        eventually(() -> assertThat(ids(find("hedgehog"))).containsExactly(id));
        assertThat(find("badger").hits()).isEmpty();
    }

    @Test
    void hostileQueriesNeverFail() {
        publish("Pangolin rescue", "A pangolin was rescued.");
        eventually(() -> assertThat(find("pangolin").hits()).isNotEmpty());
        for (String q : List.of("\"", "\"pangolin", "*", "pango*", "~", "pangolin~2", "\\", "\\\\\"", "((((", "))", "-", "--pangolin",
                "+", "|", "pangolin AND OR NOT", "\u0000", "pangolin\u0000rescue", "\uD800", "😀 pangolin", "名古屋", "a".repeat(500),
                "pangolin ".repeat(55), "the of and", "   ", "title:pangolin", "[a TO z]", "{!}", "/regex/", "<script>")) {
            SearchResults results = find(q);
            assertThat(results.hits()).as(q).allSatisfy(h -> assertThat(h.headlineHtml()).doesNotContain("<script"));
        }
        assertThat(find("pangolin~").hits()).isNotEmpty();
        assertThat(find("pangolin*").hits()).isNotEmpty();
    }

    @Test
    void aRestartedIndexCatchesUpWithWhatWasPublishedMeanwhile() throws IOException {
        long before = publish("Tapir calf born", "At the zoo.");
        eventually(() -> assertThat(ids(find("tapir"))).containsExactly(before));
        search.close();
        long meanwhile = publish("Tapir twins expected", "Keepers say.");
        search = new Search(newsroom, dir, "en", clock);
        eventually(() -> assertThat(ids(find("tapir"))).containsExactlyInAnyOrder(before, meanwhile));
    }

    @Test
    void anIndexWhoseCommitLagsBehindTheOutboxCatchesUp() throws IOException {
        long id = publish("Okapi spotted", "In the forest.");
        eventually(() -> assertThat(ids(find("okapi"))).containsExactly(id));
        search.close();
        // as after a SIGKILL: the last commit holds an older outbox id and lacks the newest document
        Path generation = dir.resolve(new IndexStore(dir).current().orElseThrow());
        try (var directory = FSDirectory.open(generation);
             var writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.forLanguage("en")))) {
            writer.deleteDocuments(Fields.idTerm(id));
            writer.setLiveCommitData(Map.of(Generation.APPLIED, "0").entrySet());
            writer.commit();
        }
        search = new Search(newsroom, dir, "en", clock);
        eventually(() -> assertThat(ids(find("okapi"))).containsExactly(id));
    }

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() throws IOException {
        long id = publish("Manatee migration", "Warm waters.");
        eventually(() -> assertThat(ids(find("manatee"))).containsExactly(id));
        search.close();
        deleteTree(dir);
        search = new Search(newsroom, dir, "en", clock);
        eventually(() -> assertThat(ids(find("manatee"))).containsExactly(id));
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheDatabase() throws IOException {
        long id = publish("Lemur troop moves", "Across the ridge.");
        eventually(() -> assertThat(ids(find("lemur"))).containsExactly(id));
        search.close();
        Path generation = dir.resolve(new IndexStore(dir).current().orElseThrow());
        try (Stream<Path> files = Files.list(generation)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        search = new Search(newsroom, dir, "en", clock);
        eventually(() -> assertThat(ids(find("lemur"))).containsExactly(id));
    }

    @Test
    void reindexRebuildsIntoANewGenerationAndSwitches() {
        long id = publish("Ibis colony grows", "On the marsh.");
        eventually(() -> assertThat(ids(find("ibis"))).containsExactly(id));
        String before = new IndexStore(dir).current().orElseThrow();
        int articles = search.reindex();
        assertThat(articles).isEqualTo(newsroom.countPublished());
        assertThat(new IndexStore(dir).current().orElseThrow()).isNotEqualTo(before);
        assertThat(ids(find("ibis"))).containsExactly(id);
        eventually(() -> assertThat(dir.resolve(before)).doesNotExist());
    }

    @Test
    void aRebuildByTheCommandLineIsPickedUpByTheRunningNode() {
        long id = publish("Gecko survey", "In the desert.");
        eventually(() -> assertThat(ids(find("gecko"))).containsExactly(id));
        String before = new IndexStore(dir).current().orElseThrow();
        int articles = Search.rebuild(newsroom, dir, "en");
        assertThat(articles).isEqualTo(newsroom.countPublished());
        long after = publish("Gecko census two", "In the desert.");
        eventually(() -> assertThat(ids(find("gecko"))).containsExactlyInAnyOrder(id, after));
        eventually(() -> assertThat(dir.resolve(before)).doesNotExist());
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theIndexFollowsTheSiteLanguage() {
        var french = Analysis.forLanguage("fr-FR");
        assertThat(terms(french, "L'éléphant mangeait des pommes")).containsExactly("elephant", "mangeait", "pome");
        assertThat(terms(Analysis.forLanguage("en"), "The city's floods flooding Café")).containsExactly("citi", "flood", "flood", "cafe");
        assertThat(terms(Analysis.forLanguage("xx"), "Über Straße")).containsExactly("uber", "strasse");
    }

    static List<String> terms(org.apache.lucene.analysis.Analyzer analyzer, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (var stream = analyzer.tokenStream("body", text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
