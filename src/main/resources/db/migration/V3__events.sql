-- events/: the transactional outbox. A row is written in the same transaction as the state change it reports.
create table event_outbox (
    sequence         bigserial primary key,
    id               uuid not null unique,
    type             text not null,
    resource_id      text not null,
    file_transfer_id uuid not null,
    subject_org      char(9) not null,
    role             text not null,
    time             timestamptz not null
);
create index event_outbox_resource_idx on event_outbox (resource_id, sequence);
