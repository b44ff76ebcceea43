package news.masthead.app.cli;

import news.masthead.syndication.extract.ExtractCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract the article (headline, body, byline, date, image) from saved article pages.",
                "Reads .html or .html.gz files and prints one JSON object keyed by file name."})
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format; only 'json' is supported (default ${DEFAULT-VALUE}).")
    String format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Pages to read (.html or .html.gz).")
    List<Path> files;

    @Override
    public Integer call() {
        if (!"json".equals(format)) {
            System.err.println("masthead: unknown --format '" + format + "'; only 'json' is supported");
            return 2;
        }
        return ExtractCli.run(files, System.out, System.err);
    }
}
