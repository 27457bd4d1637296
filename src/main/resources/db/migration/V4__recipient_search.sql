-- transfer/: a recipient's search ("my transfers on this resource, newest first, 100 at most") is served by one
-- index scan: the transfer's resource and creation time are copied onto its recipient rows (both never change).
alter table recipient add column resource_id text;
alter table recipient add column created timestamptz;
update recipient r set resource_id = t.resource_id, created = t.created from file_transfer t where t.id = r.file_transfer_id;
alter table recipient alter column resource_id set not null;
alter table recipient alter column created set not null;
create index recipient_search_idx on recipient (org, resource_id, created);
