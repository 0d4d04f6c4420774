-- The fingerprint of the submitted values: a key reused with other values is refused instead of
-- silently answering with the first dossier.
alter table submission_request add column request_hash varchar(64);
