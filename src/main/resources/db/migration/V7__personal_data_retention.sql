-- The day a case's personal data was removed from the register, after Camunda's history cleanup
-- removed the case's history (five years after it ended): the entry keeps its number, dates and
-- outcome for the register book's numbering and the figures.
alter table opinion_register add column personal_data_removed_on date;

create index ix_register_struck_off_on on opinion_register (struck_off_on);
