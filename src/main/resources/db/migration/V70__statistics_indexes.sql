-- stats/: indexes for the live monthly statistics and the operations gauges (reads of transfer/ tables through
-- transfer.TransferStatistics).
create index file_transfer_resource_published_idx on file_transfer (resource_id, published) where published is not null;
create index recipient_status_changed_idx on recipient_status (changed, file_transfer_id);
create index file_transfer_status_changed_idx on file_transfer (status, status_changed);
