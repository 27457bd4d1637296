-- resource/: service owners, the resources they own, and who may act on each.
create table service_owner (
    id      text primary key check (id ~ '^\d{4}:\d{9}$'),  -- 0192:<org>
    org     char(9) not null unique,
    name    text not null,
    created timestamptz not null
);

create table resource (
    id                               text primary key,
    service_owner_id                 text not null references service_owner (id),
    created                          timestamptz not null,
    max_file_transfer_size           bigint,
    file_transfer_time_to_live       text,      -- ISO-8601 as given
    purge_after_all_confirmed        boolean not null default true,
    purge_grace_period               text,      -- ISO-8601 as given
    use_manifest_file_shim           boolean not null default false,
    external_service_code_legacy     text,
    external_service_edition_legacy  integer,
    required_party                   text,
    approved_for_disabled_virus_scan boolean not null default false
);
create index resource_service_owner_idx on resource (service_owner_id);

-- Access rules: each row grants one action to one subject (a 9-digit org, or '*' for any organisation).
create table resource_access_rule (
    resource_id text not null references resource (id) on delete cascade,
    rule_index  integer not null,
    subject     text not null,
    action      text not null check (action in ('read', 'write', 'subscribe')),
    primary key (resource_id, rule_index, subject, action)
);
create index resource_access_rule_lookup_idx on resource_access_rule (resource_id, subject, action);
