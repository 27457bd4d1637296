-- The orphan sweep (jobs/OrphanSweep) asks, for each stored blob, whether a transfer or a TUS upload owns it.
create index file_transfer_file_location_idx on file_transfer (file_location) where file_location is not null;
create index tus_upload_blob_key_idx on tus_upload (blob_key);
