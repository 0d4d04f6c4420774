-- The retention purge (issue 14, retention.RetentionPurge). Portable SQL (H2 and PostgreSQL).

-- Each night's purge looks for the cases that ended before the cut-off: a range, not a whole-table read.
create index dossier_closed_idx on dossier (closed_at);
create index mediation_case_closed_idx on mediation_case (closed_at);

-- A contested dossier and its mediation case go together: the case by its dossier.
create index mediation_case_dossier_idx on mediation_case (dossier_number);

-- A purged case's idempotency keys (the primary key starts with the procedure and the owner).
create index idempotent_request_case_idx on idempotent_request (case_reference);
