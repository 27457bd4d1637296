-- Background malware scans now run as db-scheduler jobs (jobs/): each waiting scan moves to scheduled_tasks with its
-- due time and failure count, and scan_job goes.
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, version)
select 'scan-stored-file', file_transfer_id::text, next_attempt, false, attempts, 1 from scan_job
on conflict do nothing;

drop table scan_job;
