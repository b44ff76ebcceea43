package news.masthead.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless, with the flags this machine needs (no sandbox as
 * root, no background networking). One per test class; each test takes a fresh context.
 */
public final class Browser implements AutoCloseable {
    private static final Path AXE = Path.of("tools/e2e/node_modules/axe-core/axe.min.js");
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh, isolated browser context (its own cookies and storage). */
    public BrowserContext context() {
        return chromium.newContext(new NewContextOptions().setViewportSize(1280, 900));
    }

    public Page page() {
        return context().newPage();
    }

    /**
     * Runs axe-core on the page and returns the violations as "rule: description (n nodes)" lines;
     * empty when the page passes. axe-core comes from npm ({@code tools/e2e}, installed by bin/test).
     */
    public static List<String> accessibilityViolations(Page page) {
        try {
            if (!Files.isRegularFile(AXE)) {
                throw new IllegalStateException("axe-core is missing: run 'npm ci --prefix tools/e2e' (bin/test does it)");
            }
            // evaluated through the DevTools protocol, so the page's strict CSP stays on for the check
            page.evaluate(Files.readString(AXE));
            // a fade-in still running lowers the measured contrast: judge the page as it settles
            page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')');
                }""");
        return violations;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
