package news.masthead.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one browser remembers about appeals, in its own first-party storage ({@code localStorage}
 * key {@code mh_appeal}): when it was first seen, its article views of the last 30 days, page views
 * since the last appeal, when appeals were shown, its snoozes and dismissals, the seed that keeps
 * its variant, and whether its choices were carried to the signed-in account.
 *
 * <p>The browser holds it, so anything may come back: {@link #parse} takes what it can trust and
 * drops the rest (a value that is not ours is a fresh state). Times in it are the server's clock, in
 * epoch seconds. A tampered value can only make appeals rarer or reset the browser to a new
 * visitor, which clearing storage does anyway.
 */
record BrowserState(Instant firstSeen, List<Instant> views, int pagesSince, List<Instant> shown,
                    Map<Long, Instant> snoozes, Set<Long> dismissed, boolean noAppeals, String seed, boolean synced) {
    static final Duration VIEW_WINDOW = Duration.ofDays(30);
    static final int MAX_VIEWS = 100;
    static final int MAX_ENTRIES = 50;
    static final int MAX_LENGTH = 6000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static BrowserState fresh(Instant now) {
        return new BrowserState(now, List.of(), 0, List.of(), Map.of(), Set.of(), false, newSeed(), false);
    }

    /** The state a browser sent, with everything implausible left out; never throws. */
    static BrowserState parse(String raw, Instant now) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return fresh(now);
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (Exception e) {
            return fresh(now);
        }
        if (root == null || !root.isObject()) {
            return fresh(now);
        }
        Instant first = time(root.get("f"), now);
        if (first == null || first.isAfter(now)) {
            first = now;
        }
        List<Instant> views = times(root.get("v"), now, MAX_VIEWS);
        List<Instant> shown = times(root.get("h"), now, MAX_ENTRIES);
        int pages = root.path("p").canConvertToInt() && root.path("p").isIntegralNumber()
                ? Math.clamp(root.path("p").asInt(), 0, 100_000) : 0;
        Map<Long, Instant> snoozes = new LinkedHashMap<>();
        JsonNode z = root.get("z");
        if (z != null && z.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = z.fields();
            while (fields.hasNext() && snoozes.size() < MAX_ENTRIES) {
                Map.Entry<String, JsonNode> f = fields.next();
                Long id = id(f.getKey());
                Instant until = f.getValue().isIntegralNumber() ? seconds(f.getValue().asLong()) : null;
                if (id != null && until != null && until.isAfter(now)) {
                    // never longer than a year, whatever the browser says
                    snoozes.put(id, until.isAfter(now.plus(Duration.ofDays(366))) ? now.plus(Duration.ofDays(366)) : until);
                }
            }
        }
        Set<Long> dismissed = new LinkedHashSet<>();
        JsonNode d = root.get("d");
        if (d != null && d.isArray()) {
            for (JsonNode n : d) {
                Long id = n.isIntegralNumber() ? id(n.asText()) : null;
                if (id != null && dismissed.size() < MAX_ENTRIES) {
                    dismissed.add(id);
                }
            }
        }
        boolean none = root.path("n").asInt(0) == 1;
        String seed = root.path("k").isTextual() && root.path("k").asText().matches("[A-Za-z0-9]{8,32}")
                ? root.path("k").asText() : newSeed();
        boolean synced = root.path("y").asInt(0) == 1;
        return new BrowserState(first, views, pages, shown, snoozes, dismissed, none, seed, synced);
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("f", firstSeen.getEpochSecond());
        ArrayNode v = o.putArray("v");
        views.forEach(t -> v.add(t.getEpochSecond()));
        o.put("p", pagesSince);
        ArrayNode h = o.putArray("h");
        shown.forEach(t -> h.add(t.getEpochSecond()));
        ObjectNode z = o.putObject("z");
        snoozes.forEach((id, until) -> z.put(Long.toString(id), until.getEpochSecond()));
        ArrayNode d = o.putArray("d");
        dismissed.forEach(d::add);
        o.put("n", noAppeals ? 1 : 0);
        o.put("k", seed);
        o.put("y", synced ? 1 : 0);
        return o.toString();
    }

    /** One more article view at {@code now}: counted for targeting and for the page cap. */
    BrowserState viewed(Instant now) {
        List<Instant> v = new ArrayList<>(views);
        v.add(now);
        Instant since = now.minus(VIEW_WINDOW);
        v.removeIf(t -> t.isBefore(since));
        while (v.size() > MAX_VIEWS) {
            v.removeFirst();
        }
        return new BrowserState(firstSeen, List.copyOf(v), Math.min(pagesSince + 1, 100_000), shown, snoozes, dismissed,
                noAppeals, seed, synced);
    }

    /** An appeal was shown at {@code now}: the caps count from here. */
    BrowserState showedAt(Instant now) {
        List<Instant> h = new ArrayList<>(shown);
        h.add(now);
        Instant since = now.minus(Duration.ofDays(1));
        h.removeIf(t -> t.isBefore(since));
        while (h.size() > MAX_ENTRIES) {
            h.removeFirst();
        }
        return new BrowserState(firstSeen, views, 0, List.copyOf(h), snoozes, dismissed, noAppeals, seed, synced);
    }

    BrowserState snoozed(long appealId, Instant until) {
        Map<Long, Instant> z = new LinkedHashMap<>(snoozes);
        z.put(appealId, until);
        return new BrowserState(firstSeen, views, pagesSince, shown, Map.copyOf(z), dismissed, noAppeals, seed, synced);
    }

    BrowserState dismissedForGood(long appealId) {
        Set<Long> d = new LinkedHashSet<>(dismissed);
        d.add(appealId);
        return new BrowserState(firstSeen, views, pagesSince, shown, snoozes, Set.copyOf(d), noAppeals, seed, synced);
    }

    BrowserState withNoAppeals() {
        return new BrowserState(firstSeen, views, pagesSince, shown, snoozes, dismissed, true, seed, synced);
    }

    BrowserState synced(boolean value) {
        return new BrowserState(firstSeen, views, pagesSince, shown, snoozes, dismissed, noAppeals, seed, value);
    }

    boolean hasChoices() {
        return noAppeals || !dismissed.isEmpty() || !snoozes.isEmpty();
    }

    int viewsSince(Instant since) {
        return (int) views.stream().filter(t -> !t.isBefore(since)).count();
    }

    private static List<Instant> times(JsonNode node, Instant now, int max) {
        List<Instant> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            Instant oldest = now.minus(VIEW_WINDOW);
            for (JsonNode n : node) {
                Instant t = time(n, now);
                // a time in the future would count views that never happened: left out
                if (t != null && !t.isAfter(now) && !t.isBefore(oldest)) {
                    out.add(t);
                }
            }
        }
        out.sort(null);
        while (out.size() > max) {
            out.removeFirst();
        }
        return List.copyOf(out);
    }

    private static Instant time(JsonNode n, Instant now) {
        return n != null && n.isIntegralNumber() ? seconds(n.asLong()) : null;
    }

    private static Instant seconds(long epochSeconds) {
        // from 2000 to 2200: anything else is not a time this server wrote
        return epochSeconds >= 946_684_800L && epochSeconds <= 7_258_118_400L ? Instant.ofEpochSecond(epochSeconds) : null;
    }

    private static Long id(String text) {
        if (text == null || !text.matches("[0-9]{1,15}")) {
            return null;
        }
        long id = Long.parseLong(text);
        return id > 0 ? id : null;
    }

    private static String newSeed() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
