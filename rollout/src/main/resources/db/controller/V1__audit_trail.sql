-- The controller's record of what happened: who did what, where and when.
CREATE TABLE sluice.audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    environment text,
    release     text,
    target      text,
    detail      text        NOT NULL DEFAULT ''
);

CREATE INDEX audit_event_occurred_at ON sluice.audit_event (occurred_at);
