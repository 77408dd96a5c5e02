-- The visiting coverage of each organization for the current year as of a day (docs/visits.md
-- "Coverage"), kept so that a committee's and the district's figures read one row per
-- organization instead of scanning every roster and visit. A row is stale when as_of is not
-- today: recording a visit or importing a roster marks it stale (as_of null) and bumps version;
-- the next reader recomputes it and stores the result only if version is still the one it read,
-- so a change made meanwhile is never covered by older figures.
create table coverage_summary (
    org_code                varchar(32) not null primary key references organization (code),
    version                 bigint      not null,
    as_of                   date,
    employees               integer     not null,
    visited                 integer     not null,
    difficulty              integer     not null,
    difficulty_on_time      integer     not null,
    members                 integer     not null,
    members_in_range        integer     not null
);
