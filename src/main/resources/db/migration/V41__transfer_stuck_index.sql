-- transfer/: the stuck-transfer check looks for transfers that have stayed in one status since before a cutoff.
create index file_transfer_status_since_idx on file_transfer (status, status_changed);
