-- First-party ads (feature: ads). Ads owns these tables alone.

-- A creative: one image with its link, shown in one slot, rotated by weight while active and in schedule.
-- The image is a photo in the newsroom's library (sniffed, size-checked, re-encoded and served first-party).
create table ad_creatives (
    id          bigserial   primary key,
    name        text        not null check (length(name) between 1 and 100),
    photo_id    bigint      not null references photos (id),
    link_url    text        not null check ((link_url ~ '^https?://' or link_url ~ '^/([^/\\]|$)') and length(link_url) <= 2000),
    alt_text    text        not null check (length(alt_text) between 1 and 250),
    slot        text        not null check (slot in ('top', 'in-article', 'sidebar')),
    weight      int         not null check (weight between 1 and 100),
    starts_at   timestamptz,
    ends_at     timestamptz,
    active      boolean     not null,
    house       boolean     not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (ends_at is null or starts_at is null or ends_at > starts_at)
);

-- What each creative did per day (UTC): counted in aggregate, never per reader.
create table ad_daily_counts (
    creative_id bigint not null references ad_creatives (id) on delete cascade,
    day         date   not null,
    impressions bigint not null default 0,
    clicks      bigint not null default 0,
    primary key (creative_id, day)
);

-- How ads behave for the whole site: one row.
create table ad_settings (
    id                int  primary key check (id = 1),
    -- what readers with the ad-light entitlement see: no ads, or one house ad
    ad_light          text not null check (ad_light in ('none', 'one-house')),
    -- the in-article slot goes after this paragraph
    in_article_after  int  not null check (in_article_after between 1 and 50)
);
insert into ad_settings (id, ad_light, in_article_after) values (1, 'none', 3);
