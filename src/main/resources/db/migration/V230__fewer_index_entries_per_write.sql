-- transfer/ and events/: fewer index entries per initialize and per status change (issue 16).
--
-- V41 and V70 each made an index on file_transfer (status, status_changed): the stuck-transfer check and the
-- statistics read the same one. A change of status is not a HOT update, so it wrote the twin too.
drop index file_transfer_status_since_idx;

-- Every reader of the outbox asks for numbered events (sequence > cursor, max(sequence)); an event is stored without
-- a number and numbered after its commit, so these indexes held an entry per unnumbered row that no query reads.
-- Numbered rows only: four index entries fewer per event at its insert.
drop index event_outbox_sequence_idx;
create unique index event_outbox_sequence_idx on event_outbox (sequence) where sequence is not null;
drop index event_outbox_resource_idx;
create index event_outbox_resource_idx on event_outbox (resource_id, sequence) where sequence is not null;
drop index event_outbox_resource_subject_idx;
create index event_outbox_resource_subject_idx on event_outbox (resource_id, subject_org, sequence)
    where sequence is not null;
drop index event_outbox_subject_sequence_idx;
create index event_outbox_subject_sequence_idx on event_outbox (subject_org, sequence) where sequence is not null;
