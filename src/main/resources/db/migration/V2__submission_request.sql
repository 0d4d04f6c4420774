-- Idempotent submissions: one dossier per (SME user, Idempotency-Key). The key is inserted first,
-- in the submission's transaction: a concurrent request with the same key waits on the primary
-- key, fails once the first commits, and then answers with the first one's dossier.
create table submission_request (
    owner_id        varchar(64)  not null,
    idempotency_key varchar(200) not null,
    dossier_number  varchar(20)  references dossier (dossier_number),
    created_at      timestamp with time zone not null,
    primary key (owner_id, idempotency_key)
);
