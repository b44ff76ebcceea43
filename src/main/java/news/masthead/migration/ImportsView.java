package news.masthead.migration;

import java.util.List;

/** What {@code /admin/imports} shows (public for the precompiled template only). */
public record ImportsView(String staffName, String csrf, List<Migration.Run> runs, boolean running) {
}
