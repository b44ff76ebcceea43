package news.masthead.app.demo;

import news.masthead.magazine.Entry;
import news.masthead.magazine.Issue;
import news.masthead.magazine.IssueDraft;
import news.masthead.magazine.Magazine;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.partners.Partner;
import news.masthead.partners.PartnerDraft;
import news.masthead.partners.PartnerStory;
import news.masthead.partners.Partners;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's magazine and partner publication, written for the project: two issues of "Lingua", a monthly
 * magazine for language learners (three articles each, painted covers), and "The Lakeside Ledger", a
 * partner whose slug {@value #PARTNER_SLUG} is the one the demo plans grant ({@code partner:the-partner}).
 * Loaded through the features' entry classes once the node runs; a second load does nothing.
 */
public final class EditionsDemo {
    public static final String PARTNER_SLUG = "the-partner";
    static final String SECTION = "learning";
    static final String PARTNER_SECTION = "partners";

    private final Newsroom newsroom;
    private final PhotoLibrary photos;
    private final Magazine magazine;
    private final Partners partners;
    private final Clock clock;

    public EditionsDemo(Newsroom newsroom, PhotoLibrary photos, Magazine magazine, Partners partners, Clock clock) {
        this.newsroom = newsroom;
        this.photos = photos;
        this.magazine = magazine;
        this.partners = partners;
        this.clock = clock;
    }

    /** Adds what is missing: the issues when the magazine has none, the partner when it does not exist. */
    public void load() {
        if (newsroom.section(SECTION).isEmpty()) {
            newsroom.saveSection(null, SECTION, "Learning", "Lingua, our monthly magazine for language learners", 20);
        }
        if (newsroom.section(PARTNER_SECTION).isEmpty()) {
            newsroom.saveSection(null, PARTNER_SECTION, "Partners", "Stories from our partner publication", 21);
        }
        if (magazine.issues(false).isEmpty()) {
            issue(1, "Small talk, big doors", YearMonth.of(2026, 10), LETTER_1, ISSUE_1);
            issue(2, "Words for the road", YearMonth.of(2026, 11), LETTER_2, ISSUE_2);
        }
        if (partners.partner(PARTNER_SLUG).isEmpty()) {
            Partner ledger = partners.create(new PartnerDraft(PARTNER_SLUG, "The Lakeside Ledger", "https://ledger.example", null,
                    "Republished with permission for members; not for onward syndication", PARTNER_SECTION, "", false));
            int day = 0;
            for (LedgerStory s : LEDGER) {
                partners.receive(ledger, new PartnerStory("ledger-" + Newsroom.slugFor(s.headline()),
                        "https://ledger.example/news/" + Newsroom.slugFor(s.headline()), s.headline(), s.standfirst(), s.body(),
                        s.byline(), clock.instant().minus(Duration.ofDays(2L + day++))));
            }
        }
    }

    private void issue(int number, String title, YearMonth month, String letter, List<Story> stories) {
        long cover = photos.upload("lingua-" + number + ".jpg", CoverPainter.paint(number), new PhotoDetails(
                "The cover of Lingua, issue " + number, PictureDesk.CREDIT,
                "Magazine cover: colourful speech bubbles overlapping on a bright background", PictureDesk.LICENCE)).id();
        List<Entry> entries = new ArrayList<>();
        for (Story s : stories) {
            long id = newsroom.create(ArticleDraft.of(s.headline(), s.standfirst(), s.body(), SECTION), null);
            newsroom.publishAt(id, month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            entries.add(new Entry(id, s.department()));
        }
        Issue issue = magazine.create(new IssueDraft(number, title, month, "", cover, letter));
        magazine.setContents(issue.id(), entries);
        magazine.publish(issue.id());
    }

    /** A magazine article under its department.  */
    record Story(String department, String headline, String standfirst, String body) {
    }

    static final String LETTER_1 = """
            Dear reader,

            Every language has a front door, and it is rarely grammar. It is the weather, the bus being late, the
            price of tomatoes. This first issue of **Lingua** is about those small exchanges that open big doors.

            Read slowly, say things out loud, and forgive yourself the mistakes. Native speakers already have.""";

    static final String LETTER_2 = """
            Dear reader,

            This month we pack a bag. Stations, markets and mountain huts are where a language stops being homework
            and starts being useful, and where a single well-placed phrase earns a smile.

            As ever, write and tell us which words carried you furthest.""";

    static final List<Story> ISSUE_1 = List.of(
            new Story("Conversation", "The weather is never just the weather",
                    "Why every language starts its small talk with the sky, and how to join in.",
                    """
                    Ask a stranger about the weather in almost any country and you are not really asking about rain. You are
                    asking whether they have a minute, whether they are in the mood to talk, whether you may stand here
                    together while the tram is late.

                    Learners often skip this ritual because it seems too simple to practise. It is the opposite: the
                    phrases are short, they repeat every day, and the other person already knows what you mean.

                    Start with three: one to notice the sky, one to agree, one to complain gently. Use them at the bakery
                    this week and count how many conversations follow."""),
            new Story("Grammar", "Five verbs that do half the work",
                    "To be, to have, to go, to do and to want: learn them properly and whole sentences follow.",
                    """
                    In most European languages a handful of irregular verbs carry an astonishing share of everyday speech.
                    They are irregular precisely because they are used so often that their old forms never wore smooth.

                    Instead of memorising tables, collect sentences: *I am tired*, *we have time*, *they are going home*,
                    *what are you doing*, *I would like a coffee*. Say them until they stop feeling like grammar.

                    By the end of the month you will notice them everywhere, and the regular verbs will seem restful."""),
            new Story("Listening", "Learning to love the radio you do not understand",
                    "Ten minutes a day of talk radio trains your ear even when you catch one word in five.",
                    """
                    The first week is humbling: the presenters speak quickly, laugh at jokes you miss and swallow the ends
                    of their words. Keep going. Your ear is learning where words begin and end, long before you know them.

                    Pick one programme and stay with it, so the voices become familiar. Note a word you hear three times
                    and look it up afterwards, never during.

                    Within a month the fog thins. You will not understand everything, but you will understand that you
                    are understanding, which is the best feeling in language learning."""));

    static final List<Story> ISSUE_2 = List.of(
            new Story("Travel", "At the station: a survival phrasebook",
                    "Tickets, platforms, delays and the one question that always gets a helpful answer.",
                    """
                    Stations are wonderful classrooms because everyone in them wants to be understood quickly. Learn to
                    ask for a single or a return, to ask which platform, and to ask whether this train stops where you
                    are going.

                    The most useful sentence of all is a confession: *I don't speak well, could you say it slowly?* It turns
                    a hurried clerk into a patient teacher more often than you would expect.

                    Write your destination on paper as a back-up. There is no shame in it, and it makes the spoken
                    attempt less frightening."""),
            new Story("Food", "Numbers taste better at the market",
                    "Prices, weights and bargaining are the gentlest way to master numbers in a new language.",
                    """
                    Numbers are where many learners freeze, especially when someone says them fast. A market slows them
                    down: the price is written on a card, the stallholder repeats it, and you can point.

                    Practise asking for half a kilo, a few, a little more. Listen to how people round prices and which
                    numbers they say as one word.

                    Take the change slowly and count it aloud. Nobody minds, and your brain links the word to the coins
                    in your hand."""),
            new Story("Culture", "Thank you, in a mountain hut",
                    "Hospitality has its own vocabulary; a few words of gratitude go a very long way uphill.",
                    """
                    In high places hosts work hard and guests arrive tired, so courtesy matters more than fluency. Learn
                    to greet when you enter, to thank for the soup, and to say goodnight to the whole room.

                    Regional greetings differ from the textbook, and using the local one is a small gift. Ask your host
                    how they say it, then use it with everyone.

                    On the way down you will find the same words waiting in the valley, and they will feel like yours."""));

    /** One of the partner's stories, with its byline. */
    record LedgerStory(String byline, String headline, String standfirst, String body) {
    }

    static final List<LedgerStory> LEDGER = List.of(
            new LedgerStory("Mira Halvorsen", "Winter ferry timetable adds an early crossing",
                    "Commuters on the north shore get a boat before seven from December.",
                    """
                    The lake's ferry company will add a crossing at 6.40 on weekdays from the first of December, after a
                    winter of complaints from shift workers who had to drive the long way round.

                    The extra boat will run until March and then be reviewed. The company said it would publish passenger
                    counts each month so that riders can see whether the early crossing is used."""),
            new LedgerStory("Tomas Reyes", "Volunteers count birds on the reed beds",
                    "The annual survey found more herons than last year and fewer coots.",
                    """
                    Forty volunteers spent Saturday morning on the reed beds at the southern end of the lake, binoculars
                    and notebooks in hand, for the yearly count organised by the local nature society.

                    The organisers said the numbers will be checked against previous years before any conclusions are
                    drawn, and thanked the school that lent its boats."""),
            new LedgerStory("Mira Halvorsen", "Old boathouse to become a rowing club again",
                    "The town council agreed a long lease with a group of former rowers.",
                    """
                    The boathouse by the harbour, empty for eleven years, will be let to a new rowing club on a
                    twenty-year lease at a nominal rent, the council decided on Tuesday evening.

                    The club has promised free lessons for schoolchildren and to repair the slipway at its own expense
                    within two years."""));
}
