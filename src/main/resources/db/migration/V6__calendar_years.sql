-- Holiday arrangements that administrators added or corrected in the application
-- (PUT /api/admin/calendar/{year}): the text of the State Council's notice in the calendar's file
-- format. Every node reads them; they replace a bundled or file arrangement of the same year.
create table calendar_year (
    calendar_year integer primary key,
    arrangement   varchar(65536) not null,
    updated_by    varchar(64) not null,
    updated_at    timestamp with time zone not null
);
