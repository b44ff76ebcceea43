-- Cookie consent: what the publisher declares, the policy readers agree to, and the record of choices.

-- A cookie (by exact name or name prefix) or a script (by first-party URL) and the category it belongs to.
create table consent_declarations (
    id         bigserial primary key,
    kind       text        not null check (kind in ('cookie', 'script')),
    name       text        not null check (length(name) between 1 and 500),
    is_prefix  boolean     not null default false,
    category   text        not null check (category in ('necessary', 'preferences', 'analytics', 'advertising')),
    purpose    text        not null default '',
    created_at timestamptz not null,
    unique (kind, name)
);

-- The one cookie policy; its version bumps whenever the text or a declaration changes.
create table consent_policy (
    id         int primary key check (id = 1),
    version    int         not null,
    body       text        not null,
    updated_at timestamptz not null
);
insert into consent_policy (id, version, body, updated_at) values (1, 1,
'We use the cookies that keep the site working (your sign-in, form protection and your consent choice). We set nothing else unless you agree to it.',
now());

-- The key that signs consent cookies, made on first start; any node reads the same one.
create table consent_key (
    id  int primary key check (id = 1),
    key bytea not null
);

-- Every choice a browser made: no IP address, no user agent; the subject is a random id from the cookie.
create table consent_log (
    id             bigserial primary key,
    at             timestamptz not null,
    policy_version int         not null,
    subject        text        not null,
    categories     text        not null,
    gpc            boolean     not null,
    via            text        not null check (via in ('banner', 'form'))
);
create index consent_log_at on consent_log (at);
