-- events/: webhook subscriptions and their delivery cursors, the Altinn publication cursor, and feed indexes.

-- A party's feed and its subscriptions read its own events of a resource in sequence order.
create index event_outbox_resource_subject_idx on event_outbox (resource_id, subject_org, sequence);

create table event_subscription (
    id                 bigserial primary key,
    end_point          text not null,
    resource_id        text not null,
    subject_org        char(9),                 -- null: all parties (the resource's service owner only)
    type_filter        text,                    -- null: every type
    created_by         char(9) not null,
    created            timestamptz not null,
    secret             text not null,           -- Standard Webhooks signing secret (whsec_...)
    validated          boolean not null default false,
    -- Delivery cursor: every matching outbox event with sequence <= delivered_sequence is delivered (or given up).
    delivered_sequence bigint not null,
    next_attempt       timestamptz not null,
    failing_since      timestamptz,
    failed_attempts    int not null default 0,
    last_error         text,
    last_error_at      timestamptz,
    lease_until        timestamptz,
    lease_token        uuid
);
create index event_subscription_created_by_idx on event_subscription (created_by, id);
create index event_subscription_due_idx on event_subscription (next_attempt);

-- Altinn platform mode: how far the outbox has been published to Altinn Events (one row).
create table event_publication (
    name               text primary key,
    delivered_sequence bigint not null,
    next_attempt       timestamptz not null,
    failing_since      timestamptz,
    failed_attempts    int not null default 0,
    last_error         text,
    lease_until        timestamptz,
    lease_token        uuid
);
