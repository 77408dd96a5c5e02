-- People and their role in the organization tree. Camunda's users, groups, tenants and memberships
-- are kept in step with this table by the access package.
create table person (
    username        varchar(64)  not null primary key,
    name            varchar(50)  not null,
    role            varchar(32)  not null,
    org_code        varchar(32)  references organization (code),
    department_code varchar(32),
    committee_code  varchar(32)  references committee (code),
    post            varchar(50),
    phone           varchar(30),
    email           varchar(100)
);

create index ix_person_org on person (org_code);
create index ix_person_committee on person (committee_code);
