-- A crash between the SMTP server's acceptance and the commit makes the job run again (issue 14):
-- the notification keeps the Message-ID of its first attempt for every attempt, whether an attempt
-- is under way or was interrupted before its outcome was recorded (sending), and how many of its
-- attempts ended so (possible_repeats): each may have sent the mail that a later attempt sent again.
alter table notification add column message_id varchar(300);
alter table notification add column sending boolean default false not null;
alter table notification add column possible_repeats integer default 0 not null;
