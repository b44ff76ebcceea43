package news.masthead.ads;

/**
 * How ads behave for the whole site.
 *
 * @param adLight        what readers with the {@code ad-light} entitlement see
 * @param inArticleAfter the in-article slot follows this paragraph of an article's text (1–50)
 */
public record AdSettings(AdLight adLight, int inArticleAfter) {

    /** What "almost no ads" means for ad-light readers. */
    public enum AdLight {
        /** No ads at all. */
        NONE("none"),
        /** One house ad per page (in the least intrusive slot the page has), never a sold one. */
        ONE_HOUSE("one-house");

        private final String label;

        AdLight(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static AdLight parse(String label) {
            for (AdLight a : values()) {
                if (a.label.equals(label)) {
                    return a;
                }
            }
            throw news.masthead.platform.web.WebError.badRequest("adLight", "Choose 'none' or 'one-house' for ad-light readers.");
        }
    }
}
