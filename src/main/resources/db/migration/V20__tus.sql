-- upload/tus/: resumable uploads. Everything a node needs to continue an upload lives here, so any node may take
-- the next PATCH; the bytes themselves are parts in the PartedBlobStore.
create table tus_upload (
    id               uuid primary key,          -- the file transfer id (single, final) or a fresh id (partial)
    file_transfer_id uuid not null references file_transfer (id) on delete cascade,
    kind             text not null check (kind in ('single', 'partial', 'final')),
    upload_length    bigint not null check (upload_length >= 0),
    upload_offset    bigint not null default 0, -- durably stored bytes: what HEAD answers
    digest_state     bytea not null,            -- resumable MD5 + SHA-256 of bytes [0, upload_offset)
    metadata         text,                      -- Upload-Metadata as sent, echoed by HEAD
    concat_parts     uuid[],                    -- final: the partial uploads, in the order the client listed them
    blob_key         text not null,             -- where the finished file goes
    expires          timestamptz not null,
    finished         boolean not null default false, -- every byte stored; completion may still be pending
    created          timestamptz not null,
    check (upload_offset between 0 and upload_length)
);
create index tus_upload_transfer_idx on tus_upload (file_transfer_id);
create index tus_upload_expires_idx on tus_upload (expires); -- a finished single/final: when it finished

create table tus_part (
    upload_id     uuid not null references tus_upload (id) on delete cascade,
    number        integer not null,
    upload_offset bigint not null,
    size          bigint not null,
    tag           text not null,                -- the store's handle for the part (S3 ETag, Azure block id)
    primary key (upload_id, number)
);
