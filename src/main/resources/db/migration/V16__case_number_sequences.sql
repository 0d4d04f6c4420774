-- Case numbers from one database sequence per procedure (issue 14), instead of a counter row that each
-- submission incremented inside its whole transaction: that row's lock made every submission wait for
-- the one before it to commit. A sequence never waits for another transaction (nor gives a value back
-- when one rolls back: numbers may have gaps). A number is the sequence's value less its year's offset,
-- kept per procedure and year in case_number_counter (see CaseNumbers). Portable: H2 and PostgreSQL.
create sequence rapid_case_number start with 1;
create sequence mediation_case_number start with 1;

-- The numbers given so far in a year are 1..last_value: the sequence's first value, 1, must give
-- last_value + 1, so the offset is -last_value.
alter table case_number_counter add column sequence_offset bigint;
update case_number_counter set sequence_offset = -last_value;
alter table case_number_counter alter column sequence_offset set not null;
alter table case_number_counter drop column last_value;
