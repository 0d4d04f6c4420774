-- Companies and their accounts (issue 15). Portable SQL (H2 and PostgreSQL).

-- A company, by its SIREN, as its first user registered it.
create table company (
    siren         varchar(9)   not null primary key,
    company_name  varchar(200) not null,
    created_at    timestamp with time zone not null
);

-- Who belongs to which company (one company per account). Status: UNCONFIRMED (e-mail address not
-- yet confirmed), ACTIVE. Role: ADMINISTRATOR (the first user), MEMBER.
create table company_member (
    user_id       varchar(64)  not null primary key,
    siren         varchar(9)   not null references company (siren),
    role          varchar(20)  not null,
    status        varchar(20)  not null,
    email         varchar(254) not null,
    created_at    timestamp with time zone not null
);
create index company_member_siren_idx on company_member (siren);

-- Single-use links sent by mail. The link carries selector.verifier: the selector finds the row, the
-- verifier's SHA-256 is compared in constant time; the verifier itself is never stored.
create table account_token (
    selector       varchar(32)  not null primary key,
    verifier_hash  varchar(64)  not null,
    purpose        varchar(20)  not null,
    user_id        varchar(64)  not null,
    expires_at     timestamp with time zone not null,
    used_at        timestamp with time zone,
    created_at     timestamp with time zone not null
);
create index account_token_user_idx on account_token (user_id, purpose);
