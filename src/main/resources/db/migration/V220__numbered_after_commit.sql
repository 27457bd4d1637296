-- audit/ and events/: entries are written unnumbered in their change's transaction and numbered after it commits, one
-- round at a time across the nodes (system/CommitOrder). Nodes of the previous version number in their own
-- transactions: stop them all before starting this one.

-- The audit entries waiting for their number (and the receipt each may certify, signed once it has it).
create table audit_pending (
    id                bigserial primary key,
    time              timestamptz not null,
    actor             text not null,
    vendor            text not null,
    action            text not null,
    subject           text not null,
    file_transfer_id  uuid,
    resource_id       text,
    details           text not null,
    receipt_claims    text,
    receipt_recipient char(9)
);

-- An event's sequence is null until it is numbered; readers only ever see numbered events (sequence > cursor).
alter table event_outbox add column arrival bigserial;
alter table event_outbox drop constraint event_outbox_pkey;
alter table event_outbox add primary key (arrival);
alter table event_outbox alter column sequence drop default;
alter table event_outbox alter column sequence drop not null;
drop sequence event_outbox_sequence_seq;
create unique index event_outbox_sequence_idx on event_outbox (sequence);
create index event_outbox_pending_idx on event_outbox (arrival) where sequence is null;
