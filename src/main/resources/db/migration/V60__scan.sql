-- scan/: malware scan verdicts and the queue of stored files still waiting for one.
create table scan_record (
    id               bigserial primary key,
    file_transfer_id uuid not null,
    scanner          text not null,             -- clamd, webhook
    engine_version   text,                      -- e.g. ClamAV 1.4.6
    signature_version text,                     -- e.g. the daily database version
    verdict          text not null check (verdict in ('Clean', 'Infected', 'TooLarge', 'NotScanned')),
    signature_name   text,                      -- what was found, or why it was not scanned
    sha256           text,                      -- of the bytes the scanner saw
    scanned          timestamptz not null
);
-- The first verdict wins: a transfer has at most one decisive scan record.
create unique index scan_record_transfer_idx on scan_record (file_transfer_id);

-- Stored files that still need an in-process scan (TUS uploads, scans interrupted by a scanner outage). Nodes claim
-- due rows with FOR UPDATE SKIP LOCKED and push next_attempt forward as a lease while they scan.
create table scan_job (
    file_transfer_id uuid primary key,
    attempts         integer not null default 0,
    next_attempt     timestamptz not null,
    last_error       text
);
create index scan_job_due_idx on scan_job (next_attempt);
