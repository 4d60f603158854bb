-- Each load replaces the quarantine rows of the events it quarantines again (DELETE ... WHERE event_id IN (...)).
-- Redshift has no indexes: sorting the table by event_id lets those deletes skip blocks by their zone maps instead
-- of reading every row (the PostgreSQL variant adds an index; without it a 1 GB bench run spent three minutes of one
-- batch in these deletes). Quarantine is small and read by reason or event, rarely by time range.
ALTER TABLE ${meta_schema}.quarantine ALTER COMPOUND SORTKEY (event_id);
