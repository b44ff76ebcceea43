package news.masthead.ads;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which creative fills which slot for one page view: in each slot a creative in schedule, drawn with
 * probability proportional to its weight. Readers with {@code ad-light} get none, or one house ad in
 * the least intrusive slot the page has, as the settings say. Pure: the time and the dice are passed in.
 */
final class Rotation {
    static final String AD_LIGHT = "ad-light";
    /** Least intrusive first: where an ad-light reader's one house ad goes. */
    static final List<Slot> GENTLEST_FIRST = List.of(Slot.SIDEBAR, Slot.IN_ARTICLE, Slot.TOP);

    private Rotation() {
    }

    /** The slots a page for readers with these entitlements should carry boxes for. */
    static Set<Slot> slotsShown(Set<String> entitlements, AdSettings settings) {
        if (!entitlements.contains(AD_LIGHT)) {
            return Set.of(Slot.values());
        }
        return settings.adLight() == AdSettings.AdLight.NONE ? Set.of() : Set.of(GENTLEST_FIRST.getFirst());
    }

    static Map<Slot, Creative> choose(List<Creative> creatives, Set<Slot> requested, Set<String> entitlements,
                                      AdSettings settings, Instant now, RandomGenerator dice) {
        Map<Slot, Creative> chosen = new EnumMap<>(Slot.class);
        if (!entitlements.contains(AD_LIGHT)) {
            for (Slot slot : requested) {
                pick(creatives, slot, false, now, dice).ifPresent(c -> chosen.put(slot, c));
            }
            return chosen;
        }
        if (settings.adLight() == AdSettings.AdLight.ONE_HOUSE) {
            for (Slot slot : GENTLEST_FIRST) {
                if (requested.contains(slot)) {
                    var house = pick(creatives, slot, true, now, dice);
                    if (house.isPresent()) {
                        chosen.put(slot, house.get());
                        break;
                    }
                }
            }
        }
        return chosen;
    }

    /** A weighted draw among the slot's creatives in schedule (house ones only, if asked). */
    static java.util.Optional<Creative> pick(List<Creative> creatives, Slot slot, boolean houseOnly, Instant now, RandomGenerator dice) {
        List<Creative> eligible = creatives.stream()
                .filter(c -> c.slot() == slot && c.showsAt(now) && (!houseOnly || c.house())).toList();
        long total = eligible.stream().mapToLong(Creative::weight).sum();
        if (total == 0) {
            return java.util.Optional.empty();
        }
        long ticket = dice.nextLong(total);
        for (Creative c : eligible) {
            ticket -= c.weight();
            if (ticket < 0) {
                return java.util.Optional.of(c);
            }
        }
        throw new IllegalStateException("unreachable: the tickets add up to the total weight");
    }
}
