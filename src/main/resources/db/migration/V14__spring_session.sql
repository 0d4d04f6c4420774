-- The web sessions (SME portal and API, Camunda webapps, dashboard), shared by every node of a cluster
-- through the database (Spring Session JDBC, issue 14): a session opened on one node is found by any
-- other. Spring Session's own schema (schema-postgresql.sql of spring-session-jdbc), in portable SQL:
-- runs on H2 (embedded default) and PostgreSQL; bytea is PostgreSQL's binary type, which H2 takes too.
-- Spring Session's own schema initialisation is off (spring.session.jdbc.initialize-schema: never).

create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
-- The clean-up of expired sessions (every minute, on every node) reads this index.
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- Each attribute Java-serialized (the security context, the Camunda webapps' authentications, their
-- CSRF token, a saved request), deleted with its session.
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
