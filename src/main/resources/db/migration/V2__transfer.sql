-- transfer/: file transfers, their recipients and both status histories.
create table file_transfer (
    id                   uuid primary key,
    resource_id          text not null,
    file_name            text not null,
    senders_reference    text not null,
    sender               text not null,         -- as given at initialize, echoed in overview
    sender_org           char(9) not null,      -- normalised, so senders always find their own transfers
    checksum             text,                  -- MD5 (lowercase hex): given at initialize, else computed
    sha256               text,
    file_size            bigint,
    use_virus_scan       boolean not null,
    created              timestamptz not null,
    expiration_time      timestamptz not null,
    file_location        text,
    status               smallint not null,
    status_text          text,                  -- detailed text of the current status, if any
    status_changed       timestamptz not null,
    published            timestamptz,
    property_list        jsonb not null default '{}'::jsonb,
    version              integer not null default 0
);
create index file_transfer_sender_created_idx on file_transfer (resource_id, sender_org, created);
create index file_transfer_sender_status_idx on file_transfer (resource_id, sender_org, status, status_changed);

create table file_transfer_status (
    id               bigserial primary key,
    file_transfer_id uuid not null references file_transfer (id) on delete cascade,
    status           smallint not null,
    status_text      text,                      -- detailed text; null means the status's default text
    changed          timestamptz not null,
    vendor           text
);
create index file_transfer_status_transfer_idx on file_transfer_status (file_transfer_id, id);

create table recipient (
    file_transfer_id uuid not null references file_transfer (id) on delete cascade,
    org              char(9) not null,
    status           smallint not null,         -- highest status reached (a re-download keeps Confirmed)
    status_changed   timestamptz not null,      -- time of the latest recipient event
    primary key (file_transfer_id, org)
);
create index recipient_org_idx on recipient (org, status, file_transfer_id);

create table recipient_status (
    id               bigserial primary key,
    file_transfer_id uuid not null references file_transfer (id) on delete cascade,
    org              char(9) not null,
    status           smallint not null,
    changed          timestamptz not null,
    vendor           text,
    ranged           boolean not null default false
);
create index recipient_status_transfer_idx on recipient_status (file_transfer_id, id);
create index recipient_status_debounce_idx on recipient_status (file_transfer_id, org, changed) where ranged;
