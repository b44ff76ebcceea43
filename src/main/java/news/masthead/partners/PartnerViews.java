package news.masthead.partners;

import java.util.List;

/** What the partner admin templates receive. */
public final class PartnerViews {
    private PartnerViews() {
    }

    public record Chrome(String title, String staffName, String csrf) {
    }

    /** The form exactly as typed. */
    public record Form(String slug, String name, String siteUrl, String logoPhotoId, String licence, String section,
                       String feedUrl, boolean feedInternal) {
        static Form blank() {
            return new Form("", "", "", "", "", "", "", false);
        }

        static Form of(Partner p) {
            return new Form(p.slug(), p.name(), p.siteUrl(), p.logoPhotoId() == null ? "" : p.logoPhotoId().toString(), p.licence(),
                    p.sectionSlug(), p.feedUrl() == null ? "" : p.feedUrl(), p.feedInternal());
        }
    }

    public record ListPage(Chrome chrome, List<Partner> partners, Form form, List<String> sections, String error, String errorField) {
    }

    public record PartnerPage(Chrome chrome, Partner partner, Form form, List<String> sections, List<PartnerArticle> articles,
                              String error, String errorField, String notice) {
    }
}
