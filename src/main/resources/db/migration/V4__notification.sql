-- Every notification, with its identity (process instance : activity : occurrence), so that a
-- retried send never produces a second mail, and its delivery status for follow-up.
create table notification (
    id             varchar(150)  not null primary key,
    dossier_number varchar(20)   not null references dossier (dossier_number),
    template       varchar(40)   not null,
    recipients     varchar(2000) not null,
    subject        varchar(300)  not null,
    body_text      varchar(8000) not null,
    status         varchar(20)   not null,
    attempts       integer       not null,
    last_error     varchar(2000),
    created_at     timestamp with time zone not null,
    sent_at        timestamp with time zone
);

create index notification_dossier_idx on notification (dossier_number, created_at);
