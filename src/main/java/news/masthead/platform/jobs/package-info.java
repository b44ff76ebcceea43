/**
 * Recurring background jobs for the whole cluster.
 *
 * <p><b>Language</b>: a <i>job</i> is recurring work with a unique name and a pause between runs
 * (feed polling, the ePaper's daily build, the retention purge); a <i>run</i> is one execution of it,
 * on exactly one node. Avoid "cron" (there is no calendar syntax) and "task" outside db-scheduler's own API.
 *
 * <p><b>Shape</b>: {@link news.masthead.platform.jobs.Jobs} holds one db-scheduler per node over the
 * {@code scheduled_tasks} table; features describe their work as a {@code Jobs.Job} and {@code app}
 * adds them all before starting it.
 *
 * <p><b>Boundaries</b>: it does not know what a job does, does not retry within a run (a failed run is
 * logged and the job runs at its next time), and has no one-off jobs: work started by a person (an
 * editor's ePaper build) runs on that feature's own executor.
 */
package news.masthead.platform.jobs;
