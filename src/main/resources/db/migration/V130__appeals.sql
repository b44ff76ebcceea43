-- Appeals ("Dear Reader" support prompts): what staff write, what readers chose, and the counts.

-- the site-wide frequency caps and the default snooze; one row
create table appeal_settings (
    id            int     primary key check (id = 1),
    pages_between int     not null default 3 check (pages_between between 0 and 1000),
    per_day       int     not null default 1 check (per_day between 1 and 100),
    snooze_days   int     not null default 7 check (snooze_days between 1 and 365)
);
insert into appeal_settings (id) values (1);

create table appeals (
    id              bigserial   primary key,
    name            text        not null,
    signatories     text        not null default '',   -- one per line: "Name, Role"
    plan_id         bigint,                             -- membership's plan (by id; membership owns the row)
    format          text        not null check (format in ('dialog', 'banner', 'inline')),
    after_paragraph int         not null default 3 check (after_paragraph between 1 and 100),
    sections        text        not null default '',   -- section slugs, comma separated; empty: every section
    min_views       int         not null default 0 check (min_views between 0 and 100),
    audience        text        not null default 'all' check (audience in ('all', 'new', 'returning')),
    starts_at       timestamptz,
    ends_at         timestamptz,
    active          boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create table appeal_variants (
    appeal_id bigint not null references appeals (id) on delete cascade,
    key       text   not null check (key in ('A', 'B', 'C', 'D')),
    weight    int    not null check (weight between 0 and 100),
    title     text   not null,
    body      text   not null,
    cta       text   not null,
    primary key (appeal_id, key)
);

-- a signed-in reader's "Show me later" (until set) or "Don't show it again" (until null);
-- appeal_id 0 means every appeal ("no appeals at all")
create table appeal_choices (
    reader_id bigint      not null references readers (id) on delete cascade,
    appeal_id bigint      not null,
    until     timestamptz,
    chosen_at timestamptz not null,
    primary key (reader_id, appeal_id)
);

-- counted in aggregate per day: no reader, browser or address in these rows
create table appeal_counts (
    appeal_id bigint not null references appeals (id) on delete cascade,
    variant   text   not null,
    day       date   not null,
    event     text   not null check (event in ('impression', 'close', 'snooze', 'dismiss', 'click', 'conversion')),
    count     bigint not null default 0,
    primary key (appeal_id, variant, day, event)
);
