-- A mail is claimed in the journal before it goes to the SMTP server, and marked sent after the
-- server took it: a node that dies in between leaves a claim (SENDING), which the job's retry does
-- not send again but marks UNKNOWN for an admin to check and, if need be, resend (docs/operations.md).
-- message_id is the Message-ID header the mail carries, the same for every sending of one key and
-- recipient, so that a mail server's log finds it and a resent copy is recognizably the same message.
alter table mail_sent add column state varchar(16) default 'SENT' not null;
alter table mail_sent add column message_id varchar(200);

create index ix_mail_sent_state on mail_sent (state);
