-- Company administration (issue 15): a company's administrator invites, accepts and removes its users.
-- The statuses and roles are a contract with the code that shares dossiers within a company (every
-- row of a SIREN shares, only ACTIVE acts): the database refuses any other value. Status: UNCONFIRMED
-- (e-mail address not yet confirmed), AWAITING_APPROVAL (confirmed, waiting for the administrator),
-- INVITED (invitation sent, account not yet created), ACTIVE, REMOVED (kept: the dossiers a removed
-- user filed still belong to the company). Portable SQL (H2 and PostgreSQL).
alter table company_member add constraint company_member_status_check
    check (status in ('UNCONFIRMED', 'AWAITING_APPROVAL', 'INVITED', 'ACTIVE', 'REMOVED'));
alter table company_member add constraint company_member_role_check
    check (role in ('ADMINISTRATOR', 'MEMBER'));
