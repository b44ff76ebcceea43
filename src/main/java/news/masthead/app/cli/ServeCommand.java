package news.masthead.app.cli;

import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.app.demo.DemoContent;
import news.masthead.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Masthead: apply migrations and serve the site and the admin.")
public final class ServeCommand implements Runnable {
    @Mixin
    DataDirOptions data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, env MASTHEAD_PORT).")
    Integer port;

    @Override
    public void run() {
        serve(data.settings(port), false, 0);
    }

    /** Starts the node, optionally loading demo content, and blocks until the process is stopped. */
    static void serve(Settings settings, boolean demo, int demoArticles) {
        Database database = Database.open(settings.databaseUrl(), settings.dataDir(), Database.Role.SERVER, 16);
        database.migrate();
        if (demo) {
            loadDemo(database, demoArticles);
        }
        Masthead masthead = Masthead.start(settings, database, Clock.systemUTC());
        if (demo) {
            masthead.membership().ensureDemoPlans();
            new news.masthead.app.demo.HouseAds(masthead.ads()).ensure();
            new news.masthead.app.demo.EditionsDemo(masthead.newsroom(), masthead.photos(), masthead.magazine(), masthead.partners(),
                    Clock.systemUTC()).load();
            masthead.appeals().ensureDemoAppeal();
            masthead.epaper().ensureDemoEdition(masthead.site().settings().name());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            masthead.close();
            database.close();
            stopped.countDown();
        }, "masthead-shutdown"));
        System.out.println();
        System.out.println("Masthead is running: " + masthead.settings().baseUrl() + "/");
        System.out.println("Data directory: " + settings.dataDir().toAbsolutePath());
        if (demo) {
            System.out.println("Sign in at " + masthead.settings().baseUrl() + "/admin/login with " + DemoContent.STAFF_EMAIL
                    + " / " + DemoContent.STAFF_PASSWORD);
            System.out.println("(a fixed demo password, printed because this is a demo: don't expose this site, or change it)");
        }
        System.out.println("Press Ctrl+C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void loadDemo(Database database, int articles) {
        DemoContent demo = new DemoContent(database, CommandAccounts.on(database), Clock.systemUTC());
        System.out.println("Loading the demo newspaper (" + articles + " articles)…");
        DemoContent.Report report = demo.load(articles, System.out::println);
        System.out.println(report.alreadyLoaded()
                ? "Demo content is already loaded (" + report.articles() + " articles); nothing added."
                : "Demo content loaded: " + report.added() + " articles added in " + report.took().toSeconds() + " s.");
    }
}
