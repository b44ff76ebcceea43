package news.masthead.newsroom;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hot renditions of this node, least recently used evicted first, bounded by total bytes.
 * Renditions are immutable, so nothing ever needs invalidating across nodes.
 */
final class RenditionCache {
    private record Key(long photoId, int width) {
    }

    private final long capacityBytes;
    private final LinkedHashMap<Key, Rendition> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long sizeBytes;

    RenditionCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    Optional<Rendition> get(long photoId, int width, Supplier<Optional<Rendition>> load) {
        Key key = new Key(photoId, width);
        synchronized (this) {
            Rendition hit = entries.get(key);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Optional<Rendition> loaded = load.get();
        loaded.ifPresent(r -> put(key, r));
        return loaded;
    }

    private synchronized void put(Key key, Rendition rendition) {
        if (rendition.bytes().length > capacityBytes / 4) {
            return;
        }
        Rendition previous = entries.put(key, rendition);
        sizeBytes += rendition.bytes().length - (previous == null ? 0 : previous.bytes().length);
        Iterator<Map.Entry<Key, Rendition>> eldest = entries.entrySet().iterator();
        while (sizeBytes > capacityBytes && eldest.hasNext()) {
            sizeBytes -= eldest.next().getValue().bytes().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
