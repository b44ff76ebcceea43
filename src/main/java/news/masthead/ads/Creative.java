package news.masthead.ads;

import java.time.Instant;

/**
 * One ad: an image (a photo in the library) with its link, the slot it shows in, its weight in the
 * rotation and its schedule. {@code house}: the publication's own (membership, ePaper …) rather
 * than sold to an advertiser.
 *
 * @param startsAt null: from now on
 * @param endsAt   null: until deactivated
 */
public record Creative(long id, String name, long photoId, String linkUrl, String altText, Slot slot, int weight,
                       Instant startsAt, Instant endsAt, boolean active, boolean house) {

    /** Whether it may be shown at {@code now}: active and within its schedule. */
    public boolean showsAt(Instant now) {
        return active && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    /** The first-party address a click goes through (counted, then sent on to {@link #linkUrl}). */
    public String clickPath() {
        return "/ads/c/" + id;
    }
}
