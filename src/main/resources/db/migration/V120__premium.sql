-- Premium articles and sections (feature: site's gate, stored by the newsroom). A requirement is the
-- entitlement reading an article in full needs (premium, magazine, partner:<slug> ...); null means
-- free to read. An article's own requirement comes before its section's. Not versioned with the
-- revisions: it is an access setting, changed at once for the live article.
alter table articles add column requires text
    check (requires ~ '^[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$' and length(requires) <= 80);
alter table sections add column requires text
    check (requires ~ '^[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$' and length(requires) <= 80);

-- how many of a gated article's first paragraphs (blocks) every reader gets, before the join box
alter table site_settings add column free_paragraphs int not null default 3 check (free_paragraphs between 0 and 20);
