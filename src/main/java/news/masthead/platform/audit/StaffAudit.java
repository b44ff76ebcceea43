package news.masthead.platform.audit;

import org.jdbi.v3.core.Handle;

/**
 * Where features record staff actions on readers, in the transaction that does them (so an action
 * and its audit row commit together or not at all). The privacy feature implements it; features are
 * given it by {@code app} and default to {@link #NONE} until then.
 */
@FunctionalInterface
public interface StaffAudit {
    StaffAudit NONE = (h, action) -> {
    };

    void record(Handle h, StaffAction action);
}
