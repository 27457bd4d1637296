-- transfer/: the web app's lists of an organisation's transfers across resources, newest first (PartyTransfers).
create index recipient_org_created_idx on recipient (org, created);
create index file_transfer_sender_org_created_idx on file_transfer (sender_org, created);
