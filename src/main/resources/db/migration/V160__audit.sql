-- audit/: the append-only audit log, its signed checkpoints and the receipts (docs/evidence.md).
-- An entry is written in the same transaction as the change it records; hash = SHA-256(0x00 || encoded entry),
-- the entry's Merkle leaf, and the encoding includes the previous entry's hash.
create table audit_entry (
    sequence         bigint primary key,
    time             timestamptz not null,
    actor            text not null,
    vendor           text not null,
    action           text not null,
    subject          text not null,
    file_transfer_id uuid,
    resource_id      text,
    details          text not null,
    previous_hash    bytea not null,
    hash             bytea not null
);
create index audit_entry_transfer_idx on audit_entry (file_transfer_id, sequence) where file_transfer_id is not null;
create index audit_entry_resource_idx on audit_entry (resource_id, sequence) where resource_id is not null;

-- Nothing updates or deletes an entry (an attacker with the database owner's rights can drop this; the hashes and
-- signed checkpoints are what make that visible).
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

create table audit_checkpoint (
    tree_size bigint primary key,
    root_hash bytea not null,
    time      timestamptz not null,
    jws       text not null
);

create table receipt (
    id               uuid primary key,
    file_transfer_id uuid not null,
    kind             text not null,
    recipient_org    char(9),
    issued           timestamptz not null,
    jws              text not null
);
create index receipt_transfer_idx on receipt (file_transfer_id, issued);
