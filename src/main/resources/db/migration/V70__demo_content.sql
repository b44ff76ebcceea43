-- Demo content: one row once `masthead demo` has finished loading, saying how many articles it
-- holds. A run that finds a row with at least the articles asked for adds nothing; a run killed
-- midway left no row and resumes, skipping the articles (by slug) it already wrote.
create table demo_content (
    id           int primary key default 1 check (id = 1),
    articles     int not null,
    completed_at timestamptz not null
);

-- which library photo each painted demo picture became, so a re-run does not paint it again
create table demo_photos (
    seed     bigint primary key,
    photo_id bigint not null references photos (id)
);
