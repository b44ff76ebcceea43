package news.masthead.migration;

import java.sql.SQLException;

/** Which failures end an import instead of costing one item: the database gone, shut down or out of resources. */
final class Failures {
    private Failures() {
    }

    static void rethrowIfFatal(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57") || sql.getSQLState().startsWith("53"))) {
                throw e;
            }
        }
    }
}
