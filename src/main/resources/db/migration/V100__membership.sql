-- Membership: plans readers can join, their subscriptions, what changed them, and what providers told us.
create table plans (
    id           bigserial primary key,
    name         text        not null,
    price_minor  bigint      not null check (price_minor >= 0 and price_minor <= 100000000),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    billing      text        not null check (billing in ('month', 'year')),
    trial_days   int         not null default 0 check (trial_days between 0 and 365),
    -- one benefit (as readers read it) or entitlement per line
    benefits     text        not null default '',
    entitlements text        not null default '',
    archived_at  timestamptz,
    created_at   timestamptz not null
);
create unique index plans_name_unique on plans (lower(name));

-- A reader's membership. Complimentary ones (granted by staff) have provider 'complimentary'.
create table subscriptions (
    id                  bigserial primary key,
    reader_id           bigint      not null references readers (id),
    -- restrict: a plan with subscribers can be archived, never deleted
    plan_id             bigint      not null references plans (id) on delete restrict,
    provider            text        not null check (provider in ('demo', 'stripe', 'complimentary')),
    provider_ref        text        not null,
    status              text        not null check (status in ('trialing', 'active', 'past_due', 'cancelled', 'expired')),
    period_end          timestamptz not null,
    grace_until         timestamptz,
    -- the provider's time of the last event applied, so an older event delivered late changes nothing
    provider_updated_at timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (provider, provider_ref)
);
create index subscriptions_reader on subscriptions (reader_id);

-- Every change of a subscription's status, in the transaction that made it.
create table subscription_audit (
    id              bigserial primary key,
    subscription_id bigint      not null references subscriptions (id) on delete cascade,
    from_status     text,
    to_status       text        not null,
    reason          text        not null,
    actor           text        not null,
    at              timestamptz not null
);
create index subscription_audit_subscription on subscription_audit (subscription_id, at);

-- Every event a payment provider sent, once: the event id makes redelivery harmless.
create table payment_events (
    provider     text        not null,
    event_id     text        not null,
    type         text        not null,
    created      timestamptz not null,
    received_at  timestamptz not null,
    outcome      text        not null,
    payload      text        not null,
    primary key (provider, event_id)
);

create table receipts (
    id              bigserial primary key,
    subscription_id bigint      not null references subscriptions (id) on delete cascade,
    reader_id       bigint      not null references readers (id),
    amount_minor    bigint      not null,
    currency        text        not null,
    description     text        not null,
    paid_at         timestamptz not null
);
create index receipts_reader on receipts (reader_id, paid_at);
