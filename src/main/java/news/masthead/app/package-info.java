/**
 * The process: configuration, wiring, the HTTP server and the command line.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Node</b>: one running Masthead process serving HTTP; many nodes may share one database.</li>
 * <li><b>Settings</b>: what the operator configures through {@code MASTHEAD_*} variables and options.</li>
 * <li><b>Command</b>: a picocli sub-command ({@code serve}, {@code demo}, {@code migrate} …).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@code Main} parses the command line; {@code cli.*} are the commands; {@code Masthead} builds every
 * feature by plain constructors and registers their routes on one Javalin server; {@code Settings}
 * reads the environment once; {@code demo} loads the demo newsroom.
 *
 * <h2>Boundaries</h2>
 * No rules live here: a command or route parses input and calls one feature method. Nothing depends on
 * {@code app}.
 */
package news.masthead.app;
