-- Each load replaces the quarantine rows of the events it quarantines again (DELETE ... WHERE event_id IN (...)).
-- Without this index every such DELETE scanned the whole table: a 1 GB bench run with 54k quarantined rows spent
-- three minutes in one batch's deletes. (Redshift has no indexes; its quarantine stays sorted by quarantined_at.)
CREATE INDEX quarantine_event_id ON ${meta_schema}.quarantine (event_id);
