-- The managers' view, summarized (package insight, docs/insight.md "The summary").
--
-- A closed case's history never changes again, so once a case is struck off and its process has
-- ended, insight.InsightSummary adds it to insight_fact and marks it in_summary. The heatmap then
-- reads the summarized cases from insight_fact and only the others (open or just closed) from
-- Camunda's history, which keeps every answer exact and its cost independent of the period.

-- What happened on a day, counted: an element of a process (activity, flow taken, or the case as a
-- whole) started or ended on a day in China, in the cases of one organization,
-- overdue or not. Each fact is counted three times, in its year (grain Y, bucket = 1 January), its
-- month (M, bucket = the 1st) and its day (D), so that "everything up to day d" is the sum of the
-- years before d's year, the months of that year before d's month and the days of d's month up to
-- d: a few thousand rows for any period.
--   event:        S started, E ended (an element that spans days), I instant (started and ended
--                 on the same day: most events and gateways, every flow; it cannot straddle a day)
--   element_type: A activity, F sequence flow (starts and ends on the day it was taken),
--                 C the case's time in the process (first start to last end; element_id = 'case')
--   working_days: an activity's duration in working days (working_day.idx of its end day minus
--                 that of its start day); -1 for flows, cases and days outside the working_day table
create table insight_fact (
    process_key  varchar(64)  not null,
    event        char(1)      not null,
    grain        char(1)      not null,
    bucket       date         not null,
    org_code     varchar(32)  not null,
    overdue      boolean      not null,
    element_type char(1)      not null,
    element_id   varchar(128) not null,
    working_days integer      not null,
    n            bigint       not null,
    constraint pk_insight_fact primary key (process_key, event, grain, bucket, org_code, overdue,
                                            element_type, element_id, working_days)
);

-- A summarizing step's facts before they are added to insight_fact (MERGE); empty between steps.
create table insight_fact_delta (
    process_key  varchar(64)  not null,
    event        char(1)      not null,
    grain        char(1)      not null,
    bucket       date         not null,
    org_code     varchar(32)  not null,
    overdue      boolean      not null,
    element_type char(1)      not null,
    element_id   varchar(128) not null,
    working_days integer      not null,
    n            bigint       not null
);

-- Days within a case's time in a process on which none of its activities was open (between two
-- supervisions, say): a period that falls wholly inside such a gap does not count the case.
create table insight_case_gap (
    process_key  varchar(64) not null,
    org_code     varchar(32) not null,
    overdue      boolean     not null,
    after_day    date        not null,
    before_day   date        not null,
    n            bigint      not null,
    constraint pk_insight_case_gap primary key (process_key, org_code, overdue, after_day, before_day)
);

-- One row: the lock that lets one summarizer run at a time (also across application nodes), and the
-- working-day calendar the summary's durations were counted with (a hash of the working days up to
-- through_day, the last day in the summary): a changed calendar rebuilds the summary. first_day is
-- the summary's first day.
create table insight_summary (
    id            integer     not null primary key,
    calendar_hash varchar(64),
    first_day     date,
    through_day   date,
    updated_at    timestamp
);
insert into insight_summary (id) values (1);

alter table opinion_register add column in_summary boolean default false not null;
create index ix_register_summary on opinion_register (in_summary, struck_off);

-- The dashboard's satisfaction and strike-off figures (docs/performance.md).
create index ix_register_feedback on opinion_register (feedback_on);
create index ix_register_struck_off on opinion_register (struck_off, struck_off_on);

-- The heatmap reads flows only of the cases not yet summarized, by case, from this index alone; the
-- summarizer reads a closed case's flows with it. It replaces the index on root_instance_id, and those
-- for reading flows by period (ix_insight_flow_taken was created at start-up before this version).
create index ix_flow_taken_case on flow_taken (root_instance_id, process_key, taken_at, flow_id);
drop index ix_flow_taken_root;
drop index ix_flow_taken_process;
drop index if exists ix_insight_flow_taken;
