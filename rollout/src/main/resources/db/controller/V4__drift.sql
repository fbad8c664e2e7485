-- Schema drift: what each target's schema should be, and what the last check found.

-- A target database's schema as recorded after a successful apply (or accepted by a baseline).
-- The latest row per (target, database) is what the live schema is compared with. Kept in the
-- controller's database, so a change inside the target cannot rewrite what is expected of it.
CREATE TABLE sluice.schema_snapshot (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target     text        NOT NULL,
    database   text        NOT NULL DEFAULT '',        -- '' for a single-database target
    repository text,                                   -- whose release applied it, for reports
    release    text,
    taken_at   timestamptz NOT NULL DEFAULT now(),
    taken_by   text        NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('apply', 'baseline')),
    digest     text        NOT NULL,
    snapshot   text        NOT NULL
);

CREATE INDEX schema_snapshot_latest ON sluice.schema_snapshot (target, database, id DESC);

-- The result of the last drift check per target database.
CREATE TABLE sluice.drift_state (
    target      text        NOT NULL,
    database    text        NOT NULL DEFAULT '',
    repository  text,                                  -- where the drift issue is opened
    checked_at  timestamptz NOT NULL,
    drifted     boolean     NOT NULL,
    differences integer     NOT NULL DEFAULT 0,
    report      text        NOT NULL DEFAULT '',       -- the differences in words, and the SQL back
    since       timestamptz,                           -- when the current drift was first seen
    PRIMARY KEY (target, database)
);

-- Drift issues are refreshed like comments: one queued refresh per target database.
DROP INDEX sluice.outbox_one_refresh;
CREATE UNIQUE INDEX outbox_one_refresh ON sluice.outbox (repository, kind, subject)
    WHERE state = 'queued' AND kind IN ('release-comment', 'deploy-check', 'drift-issue');
