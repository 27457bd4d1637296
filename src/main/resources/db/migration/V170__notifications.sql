-- notify/: who wants to be told, and each notification once.

-- An organisation's notification settings; its addresses below.
create table notification_settings (
    organization              text primary key,            -- 9-digit organisation number
    language                  text not null check (language in ('nb', 'en')),
    notify_when_all_confirmed boolean not null,            -- as sender: tell me when every recipient confirmed
    updated                   timestamptz not null
);

create table notification_address (
    organization text not null references notification_settings (organization) on delete cascade,
    channel      text not null check (channel in ('email', 'sms')),
    address      text not null,
    resource_id  text not null default '',                 -- '' = every resource
    primary key (organization, channel, address, resource_id)
);

-- One row per (transfer, organisation, kind): the unique key that makes each notification happen once. Written in
-- the transaction of the status change that causes it, with what the mail says; sent is set once the mail went out.
create table notification (
    file_transfer_id  uuid not null,
    organization      text not null,
    kind              text not null check (kind in ('published', 'reminder', 'all_confirmed')),
    resource_id       text not null,
    file_name         text not null,
    file_size         bigint not null,
    senders_reference text,
    sender            text not null,
    expires           timestamptz not null,
    created           timestamptz not null,
    sent              timestamptz,
    primary key (file_transfer_id, organization, kind)
);
