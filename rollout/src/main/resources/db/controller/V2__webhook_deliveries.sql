-- Every accepted webhook delivery, recorded before GitHub gets its 202; the work queue reads it.
CREATE TABLE sluice.delivery (
    id              text        PRIMARY KEY,           -- X-GitHub-Delivery: a redelivery has the same id
    event           text        NOT NULL,
    action          text        NOT NULL,
    repository      text,
    installation_id bigint,
    received_at     timestamptz NOT NULL,
    body            bytea       NOT NULL,
    state           text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'parked')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

CREATE INDEX delivery_due ON sluice.delivery (next_attempt_at) WHERE state = 'queued';

-- GitHub App installations that were deleted or suspended: their events are not acted on.
CREATE TABLE sluice.installation (
    id         bigint      PRIMARY KEY,
    account    text        NOT NULL DEFAULT '',
    stopped    boolean     NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
