-- The Party organization's own name, printed where the seal goes on the slips
-- (e.g. 中共重庆渝发机械制造有限公司支部委员会); optional: without it the slips print
-- 「{organization}党支部」 (docs/documents.md).
alter table organization add column party_name varchar(100);
