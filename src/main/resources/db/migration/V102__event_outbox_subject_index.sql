-- events/: "has this organisation a new event?" for the web app's live inbox (PartyEvents), one index probe.
create index event_outbox_subject_sequence_idx on event_outbox (subject_org, sequence);
