-- A counter that every change of Camunda's users, groups, tenants and memberships raises in
-- the same transaction (workflow.IdentityVersion): each node keeps who is who in memory and
-- reads this one row per request to know whether it is still right (docs/security.md).
create table identity_version (
    id      int primary key,
    version bigint not null
);
insert into identity_version (id, version) values (1, 0);
