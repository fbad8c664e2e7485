-- An invalid-directive finding sits on the directive's own line, so the "-- expect" marker ends
-- the directive comment itself; each directive below is invalid without it as well.
-- sluice:transaction disabled -- expect
-- sluice:lock-timeout 5 seconds -- expect
-- sluice:statement-timeout 30m -- expect
CREATE TABLE public.tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);

-- sluice:ingore prefer-text -- expect
ALTER TABLE public.tags ADD COLUMN slug varchar(64);

-- A statement-level ignore at the end of the file has no statement to apply to.
-- sluice:ignore prefer-text -- expect
