package news.masthead.app.cli;

import news.masthead.platform.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations and exit.")
public final class MigrateCommand implements Runnable {
    @Mixin
    DataDirOptions data;

    @Override
    public void run() {
        try (Database database = data.openForCommand()) {
            int applied = database.migrate();
            System.out.println(applied == 0 ? "The database is up to date." : "Applied " + applied + " migration(s).");
        }
    }
}
