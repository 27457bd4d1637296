-- upload/tus/: a PATCH holds a lease on its upload (an owner and an expiry, renewed while its body streams) instead
-- of a row lock, so no database connection is held while the bytes arrive; a crashed holder's lease runs out.
alter table tus_upload add column lease_owner uuid;
alter table tus_upload add column lease_expires timestamptz;
-- The whole-file digests are kept in memory on the node that wrote the upload's last chunk, under this id: a node
-- continues them only when the row still names its own digests; otherwise the finished file is hashed once more.
alter table tus_upload add column digests_id uuid;
alter table tus_upload alter column digest_state drop not null;
comment on column tus_upload.digest_state is 'unused since V130 (resumable digests in the database)';
