-- Indexes for the managers' dashboard (issue 13), measured on 100,000 dossiers and 20,000 mediation
-- cases (docs/performance.md). Portable SQL (H2 and PostgreSQL).

-- Every RAPID figure is about the dossiers submitted in the period (the cohort): a range on submitted_at
-- instead of reading the whole table, several times per request.
create index dossier_submitted_idx on dossier (submitted_at);

-- Decisions per month, and the expected decision time of the portal (decided in the last 12 months).
create index dossier_decided_idx on dossier (decided_at);

-- Time per stage: a cohort's stage events, in the order the window reads them, found in the index alone
-- (no visit to the table's rows). Pays when the cohort is narrowed (region, category, stage).
create index case_event_stage_idx on case_event (case_reference, occurred_at, id, event_type);

-- Every mediation figure is about the cases filed in the period.
create index mediation_case_filed_idx on mediation_case (filed_at);

-- A case's actions (its file, the first contact of the commitments): the foreign key had no index.
create index mediation_action_case_idx on mediation_action (case_number, level, action_date);
