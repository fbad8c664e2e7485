-- An unused-ignore finding sits on the directive's own line, so the "-- expect" marker has to end
-- the directive comment itself; the directive then also names "--" and "expect", which are no
-- rules. Each marked directive below is unused for its real rule name too.
CREATE TABLE public.notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body text NOT NULL
);

-- Used: it suppresses prefer-text on the varchar(100), so it is not reported.
-- sluice:ignore prefer-text
ALTER TABLE public.notes ADD COLUMN title varchar(100);

-- Left over after the column became text: prefer-text has nothing to report here.
-- sluice:ignore prefer-text -- expect
ALTER TABLE public.notes ADD COLUMN summary text;

-- A misspelt rule name suppresses nothing (the rule is prefer-timestamptz).
-- sluice:ignore prefer-timestamp -- expect
ALTER TABLE public.notes ADD COLUMN edited_at timestamp;

-- The file has no json column.
-- sluice:ignore-file prefer-jsonb -- expect
