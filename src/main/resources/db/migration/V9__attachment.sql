-- The SME's dossier draft and the attachments (issue 12). Portable SQL: runs on H2 (embedded
-- default) and PostgreSQL (production, tests); bytea is PostgreSQL's binary type, which H2 takes too.

-- One current draft per SME user, saved as the SME goes, until it is submitted: the submission
-- form's values as JSON (no more than a request body may carry, 1 MB).
create table dossier_draft (
    owner_id    varchar(64)     not null primary key,
    form_values varchar(1000000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

-- Each file, with its SHA-256, stored in the database so that it commits (and is backed up) with
-- the dossier it belongs to. Until submission it belongs to its owner's draft; then to the dossier.
create table attachment (
    id             varchar(36)  not null primary key,
    owner_id       varchar(64)  not null,
    draft_owner_id varchar(64)  references dossier_draft (owner_id),
    dossier_number varchar(20)  references dossier (dossier_number),
    kind           varchar(30)  not null,
    file_name      varchar(255) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    sha256         varchar(64)  not null,
    content        bytea        not null,
    uploaded_at    timestamp with time zone not null,
    constraint attachment_belongs_somewhere check (draft_owner_id is not null or dossier_number is not null)
);

create index attachment_draft_idx on attachment (draft_owner_id, uploaded_at);
create index attachment_dossier_idx on attachment (dossier_number, uploaded_at);
