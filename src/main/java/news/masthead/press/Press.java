package news.masthead.press;

import news.masthead.newsroom.ArticleSummary;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Photo;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.newsroom.Rendition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The press: lays a day's stories out as a newspaper and prints it to PDF (the ePaper edition).
 * {@link #defaultStories} proposes the day's running order, {@link #compose} sets and prints an
 * edition from any running order an editor chose: the first story leads the front page, the next
 * two share its foot, the rest fill the inside pages section by section.
 */
public final class Press {
    /** More stories than an edition of a few dozen pages can hold is a mistake, not a paper. */
    public static final int MAX_STORIES = 120;
    /** How many stories {@link #defaultStories} proposes at most, and per section. */
    static final int DEFAULT_STORIES = 30;
    static final int PER_SECTION = 6;
    private static final DateTimeFormatter DATELINE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter FOLIO = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    private final Newsroom newsroom;
    private final PhotoLibrary photos;
    private final Supplier<String> publicationName;
    private final Clock clock;
    private final ZoneId zone;
    private final Makeup makeup;

    /**
     * @param publicationName the paper's name for the masthead (the site settings' name), read on each compose
     * @param zone            the zone an edition's day is in (the site's time zone)
     */
    public Press(Newsroom newsroom, PhotoLibrary photos, Supplier<String> publicationName, Clock clock, ZoneId zone) {
        this.newsroom = newsroom;
        this.photos = photos;
        this.publicationName = publicationName;
        this.clock = clock;
        this.zone = zone;
        this.makeup = new Makeup(new Typesetter(this::photoBytes));
    }

    /** Today in the paper's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The running order the press proposes for {@code day}: the lead (the day's newest story with a
     * lead photo, else its newest), then the newest story of each other section, then the rest of the
     * day's stories section by section (sections in their order, newest first within, at most
     * {@value #PER_SECTION} a section and {@value #DEFAULT_STORIES} in all). Only stories first
     * published that day (in the paper's zone) count; when the day has none, the last day before it
     * that has some is used, so a quiet Sunday still gets a paper. Empty only when nothing was
     * published on or before {@code day}.
     */
    public List<Long> defaultStories(LocalDate day) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<ArticleSummary> ofDay = publishedBetween(start, end);
        if (ofDay.isEmpty()) {
            Optional<ArticleSummary> last = latestBefore(end);
            if (last.isEmpty()) {
                return List.of();
            }
            LocalDate lastDay = last.get().published().atZone(zone).toLocalDate();
            ofDay = publishedBetween(lastDay.atStartOfDay(zone).toInstant(), lastDay.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return runningOrder(ofDay);
    }

    static List<Long> runningOrder(List<ArticleSummary> newestFirst) {
        Set<Long> order = new LinkedHashSet<>();
        newestFirst.stream().filter(a -> a.leadPhotoId() != null).findFirst()
                .or(() -> newestFirst.stream().findFirst())
                .ifPresent(a -> order.add(a.id()));
        Map<Long, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        newestFirst.stream().sorted(Comparator.comparingInt((ArticleSummary a) -> a.section().position())
                        .thenComparing(a -> a.section().name()))
                .forEach(a -> bySection.computeIfAbsent(a.section().id(), k -> new ArrayList<>()).add(a));
        for (List<ArticleSummary> section : bySection.values()) {
            order.add(section.getFirst().id());
        }
        for (List<ArticleSummary> section : bySection.values()) {
            section.stream().limit(PER_SECTION).forEach(a -> order.add(a.id()));
        }
        return order.stream().limit(DEFAULT_STORIES).toList();
    }

    private List<ArticleSummary> publishedBetween(Instant start, Instant end) {
        List<ArticleSummary> found = new ArrayList<>();
        int page = 200;
        for (int offset = 0; ; offset += page) {
            List<ArticleSummary> batch = newsroom.latest(offset, page);
            for (ArticleSummary a : batch) {
                if (a.published().isBefore(start)) {
                    return found;
                }
                if (a.published().isBefore(end)) {
                    found.add(a);
                }
            }
            if (batch.size() < page) {
                return found;
            }
        }
    }

    private Optional<ArticleSummary> latestBefore(Instant end) {
        int page = 200;
        for (int offset = 0; ; offset += page) {
            List<ArticleSummary> batch = newsroom.latest(offset, page);
            for (ArticleSummary a : batch) {
                if (a.published().isBefore(end)) {
                    return Optional.of(a);
                }
            }
            if (batch.size() < page) {
                return Optional.empty();
            }
        }
    }

    /**
     * Sets and prints the edition of {@code day} with these stories in this order. The first leads
     * the front page. Refuses (with a message an editor can read) an empty list, too many stories, a
     * story twice, and a story that does not exist or is not published.
     *
     * @throws IllegalArgumentException when the running order cannot be printed
     */
    public Composition compose(LocalDate day, List<Long> articleIds) {
        if (day == null) {
            throw new IllegalArgumentException("Choose the day of the edition.");
        }
        if (articleIds == null || articleIds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one published story for the edition.");
        }
        if (articleIds.size() > MAX_STORIES) {
            throw new IllegalArgumentException("An edition holds at most " + MAX_STORIES + " stories; this one has "
                    + articleIds.size() + ".");
        }
        Set<Long> seen = new LinkedHashSet<>();
        for (Long id : articleIds) {
            if (id == null) {
                throw new IllegalArgumentException("The running order has an empty entry.");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Story " + id + " is in the running order twice.");
            }
        }
        Map<Long, LiveArticle> live = new LinkedHashMap<>();
        newsroom.live(articleIds).forEach(a -> live.put(a.id(), a));
        List<Long> missing = articleIds.stream().filter(id -> !live.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "Story " + missing.getFirst() + " is"
                    : "Stories " + missing.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("") + " are")
                    + " not published (or do not exist): only published stories can go in an edition.");
        }
        List<Story> stories = new ArrayList<>();
        for (Long id : articleIds) {
            LiveArticle article = live.get(id);
            Photo photo = article.leadPhotoId() == null ? null
                    : photos.find(article.leadPhotoId()).filter(p -> !p.widths().isEmpty()).orElse(null);
            Copy.Blocks copy = Copy.blocks(article.bodyHtml());
            List<Copy.Block> blocks = new ArrayList<>(copy.blocks());
            article.corrections().forEach(c -> blocks.add(Copy.correction(c.text())));
            stories.add(new Story(stories.size(), article, photo, blocks, copy.truncated()));
        }
        String name = Optional.ofNullable(publicationName.get()).filter(n -> !n.isBlank()).orElse("Masthead");
        long number = editionNumber(day);
        Makeup.Frame frame = new Makeup.Frame(name, DATELINE.format(day) + "  ·  No. " + number,
                FOLIO.format(day), day.atStartOfDay(zone).toInstant());
        return makeup.compose(frame, stories);
    }

    /** Editions are numbered by day from the day of the paper's first published story (No. 1). */
    private long editionNumber(LocalDate day) {
        int count = newsroom.countPublished();
        if (count == 0) {
            return 1;
        }
        List<ArticleSummary> first = newsroom.latest(count - 1, 1);
        if (first.isEmpty()) {
            return 1;
        }
        LocalDate start = first.getFirst().published().atZone(zone).toLocalDate();
        return Math.max(1, ChronoUnit.DAYS.between(start, day) + 1);
    }

    /** The narrowest rendition that prints {@code points} wide at about 200 dpi, else the widest there is. */
    static int renditionWidth(Photo photo, float points) {
        int needed = Math.round(points / 72f * 200f);
        for (int width : photo.widths()) {
            if (width >= needed) {
                return width;
            }
        }
        return photo.widths().getLast();
    }

    private Optional<byte[]> photoBytes(String path) {
        String[] parts = path.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return photos.rendition(Long.parseLong(parts[0]), Integer.parseInt(parts[1])).map(Rendition::bytes);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
