-- jobs/: db-scheduler's table. One row per pending job: a purge per file transfer (keyed by its id, so scheduling
-- again moves the row instead of adding one) and the recurring stuck-transfer check. Nodes claim rows here.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Transfers made before purges were scheduled get theirs now, at their expiry.
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
select 'purge-file-transfer', id::text, expiration_time, false, 1 from file_transfer where status <> 6;
