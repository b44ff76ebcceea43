package news.masthead.app.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes filler article number {@code n}: the same article for the same number, every time. The
 * body is written twice at once — as Markdown and as the HTML the newsroom's renderer makes of that
 * Markdown — so bulk loading needs no Markdown pass per article (a test holds the two equal).
 */
final class Filler {
    /** How many generated photos filler articles share. */
    static final int PHOTO_POOL = 24;

    /** A generated article; {@code photo} indexes the shared photo pool. */
    record Article(int number, String slug, String section, String headline, String standfirst, String markdown,
                   String html, List<String> authorSlugs, List<String> tags, int photo) {
    }

    private Filler() {
    }

    static Article article(int number) {
        SplittableRandom random = new SplittableRandom(0x5EEDL * 1_000_003L + number);
        Newspaper.Desk desk = Newspaper.DESKS.get(random.nextInt(Newspaper.DESKS.size()));
        Beats.Beat beat = Beats.BY_SECTION.get(desk.slug());
        Slots slots = new Slots(random, beat);
        String headline = capitalise(slots.fill(pick(random, beat.headlines())));
        String standfirst = slots.fill(pick(random, STANDFIRSTS));
        Body body = new Body();
        Sentences sentences = new Sentences(random, beat);
        int paragraphs = 7 + random.nextInt(3);
        int subheading = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            if (p == subheading) {
                body.heading(capitalise(slots.fill("{angle}")));
            }
            if (p == paragraphs - 2) {
                body.paragraph(slots.fill("\"We have to get this right for {place},\" said {person}, {role}. \"People are watching closely, and they are right to.\""));
                continue;
            }
            int count = 3 + random.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < count; s++) {
                text.append(s == 0 ? "" : " ").append(capitalise(slots.fill(sentences.next())));
            }
            body.paragraph(text.toString());
        }
        List<Newspaper.Writer> writers = Newspaper.writersFor(desk.slug());
        Set<String> authors = new LinkedHashSet<>();
        authors.add(pick(random, writers).slug());
        if (random.nextInt(4) == 0) {
            authors.add(pick(random, Newspaper.WRITERS).slug());
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int t = 1 + random.nextInt(3); t > 0; t--) {
            tags.add(pick(random, beat.tags()));
        }
        String slug = slug(headline) + "-" + number;
        return new Article(number, slug, desk.slug(), headline, standfirst, body.markdown.toString(), body.html.toString(),
                List.copyOf(authors), List.copyOf(tags), random.nextInt(PHOTO_POOL));
    }

    private static final List<String> STANDFIRSTS = List.of(
            "The row over {thing} has exposed old divisions in {place}, and the next few weeks will show who was right.",
            "{Person}, {role}, says the decision was the only one possible. Not everyone agrees.",
            "What began as a local dispute over {thing} now has {org} paying close attention.",
            "A look at {thing}: what happened, who is affected and what happens next.",
            "Supporters call it overdue; critics call it a gamble. Here is what we know about {thing}.",
            "For months {thing} looked settled. Then came a week that changed the arithmetic.",
            "In {place}, where feelings run high, people are asking who decided, and when.",
            "{Person} has spent years on {thing}. This week the work was tested.",
            "The figures behind {thing} are more complicated than either side admits.",
            "It started with a letter from {org}. It has ended up on the front pages.",
            "After a long wait, {thing} is finally moving. Not everyone in {place} is pleased.",
            "Three questions about {thing}, and the answers so far.",
            "What was promised, what was delivered, and what {place} makes of it.");

    /** The general sentences and the section's own, shuffled: an article uses each at most once (until all are used). */
    private static final class Sentences {
        private final List<String> order = new ArrayList<>();
        private int next;

        Sentences(SplittableRandom random, Beats.Beat beat) {
            order.addAll(Beats.SENTENCES);
            order.addAll(beat.sentences());
            for (int i = order.size() - 1; i > 0; i--) {
                Collections.swap(order, i, random.nextInt(i + 1));
            }
        }

        String next() {
            return order.get(next++ % order.size());
        }
    }

    /** The same text in Markdown and in the HTML the newsroom's renderer gives for it. */
    private static final class Body {
        final StringBuilder markdown = new StringBuilder(3000);
        final StringBuilder html = new StringBuilder(3200);

        void paragraph(String text) {
            separate();
            markdown.append(text);
            html.append("<p>").append(escape(text)).append("</p>\n");
        }

        void heading(String text) {
            separate();
            markdown.append("## ").append(text);
            html.append("<h2>").append(escape(text)).append("</h2>\n");
        }

        private void separate() {
            if (!markdown.isEmpty()) {
                markdown.append("\n\n");
            }
        }
    }

    /** HTML text escaping as the sanitizer writes it (quotes as numeric references). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Fills the braces of a pattern; within one article, a slot keeps its first value (one place, one person). */
    private static final class Slots {
        private final SplittableRandom random;
        private final Beats.Beat beat;
        private final String place;
        private final String person;
        private final String role;
        private final String thing;
        private final String country;

        Slots(SplittableRandom random, Beats.Beat beat) {
            this.random = random;
            this.beat = beat;
            this.place = pick(random, Beats.PLACES);
            this.person = pick(random, Beats.FIRST_NAMES) + " " + pick(random, Beats.LAST_NAMES);
            this.thing = pick(random, beat.things());
            this.country = pick(random, Beats.COUNTRIES);
            this.role = pick(random, beat.roles()).replace("{place}", place);
        }

        String fill(String pattern) {
            StringBuilder out = new StringBuilder(pattern.length() + 40);
            int i = 0;
            while (i < pattern.length()) {
                int open = pattern.indexOf('{', i);
                if (open < 0) {
                    out.append(pattern, i, pattern.length());
                    break;
                }
                int close = pattern.indexOf('}', open);
                out.append(pattern, i, open);
                String name = pattern.substring(open + 1, close);
                String value = value(name.toLowerCase(Locale.ROOT));
                out.append(Character.isUpperCase(name.charAt(0)) ? capitalise(value) : value);
                i = close + 1;
            }
            return out.toString();
        }

        private String value(String name) {
            return switch (name) {
                case "place" -> place;
                case "person" -> person;
                case "role" -> role;
                case "thing" -> thing;
                case "country" -> country;
                case "org" -> pick(random, beat.orgs());
                case "angle" -> pick(random, beat.angles());
                case "month" -> pick(random, Beats.MONTHS);
                case "day" -> pick(random, Beats.DAYS);
                case "years" -> Integer.toString(5 + random.nextInt(60));
                case "number" -> Integer.toString(switch (random.nextInt(3)) {
                    case 0 -> 20 + random.nextInt(80);
                    case 1 -> 100 + random.nextInt(900);
                    default -> 1000 + random.nextInt(50_000);
                });
                default -> throw new IllegalArgumentException("Unknown slot {" + name + "}");
            };
        }
    }

    static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Lower-case ASCII words joined by hyphens (the words in the banks are ASCII already). */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 70 ? slug.substring(0, 70).replaceAll("-+[a-z0-9]*$", "") : slug;
    }

    /** Every tag name the filler may use, for creating them once before a bulk load. */
    static List<String> allTags() {
        List<String> tags = new ArrayList<>();
        Beats.BY_SECTION.values().forEach(b -> b.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add));
        return tags;
    }
}
