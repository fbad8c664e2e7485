-- Releases, their promotion through environments, approvals and the outbox of GitHub reports.
-- Every piece of pipeline state lives here, so a restarted or second controller carries on.

-- An immutable release: the migrations folder at a merge commit, and the policy it was cut with.
CREATE TABLE sluice.release (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository      text        NOT NULL,
    version         text        NOT NULL,              -- YYYYMMDD.N, UTC date and sequence
    commit_sha      text        NOT NULL,
    digest          text        NOT NULL,              -- over every file name and checksum
    pull_request    integer,                           -- the merged pull request, when known
    author          text,                              -- its author, who may not approve unless allowed
    installation_id bigint      NOT NULL DEFAULT 0,
    policy          text        NOT NULL,              -- sluice.yaml at the merge commit
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (repository, version),
    UNIQUE (repository, commit_sha)                    -- a redelivered merge cannot cut a second release
);

CREATE INDEX release_pull_request ON sluice.release (repository, pull_request);

CREATE TABLE sluice.release_file (
    release_id bigint NOT NULL REFERENCES sluice.release (id),
    name       text   NOT NULL,                        -- file name inside the migrations folder
    checksum   text   NOT NULL,
    content    text   NOT NULL,
    PRIMARY KEY (release_id, name)
);

-- One release in one environment: the deploy cut with the release, or a rollback asked for later.
CREATE TABLE sluice.deployment (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id   bigint      NOT NULL REFERENCES sluice.release (id),
    environment  text        NOT NULL,
    position     integer     NOT NULL,                 -- the environment's place in the promotion order
    kind         text        NOT NULL CHECK (kind IN ('deploy', 'rollback')),
    to_version   text,                                 -- a rollback's target version
    state        text        NOT NULL CHECK (state IN ('waiting', 'ready', 'running', 'succeeded', 'failed')),
    reason       text        NOT NULL DEFAULT '',      -- why it waits, or how it failed, in words
    requested_by text        NOT NULL DEFAULT '',
    attempt      integer     NOT NULL DEFAULT 1,       -- 1, then one more for every retry
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);

CREATE UNIQUE INDEX deployment_one_deploy ON sluice.deployment (release_id, environment) WHERE kind = 'deploy';
CREATE INDEX deployment_unfinished ON sluice.deployment (state) WHERE state IN ('waiting', 'ready', 'running');

-- Each database a deployment touches; rows of a database group are listed when it starts.
CREATE TABLE sluice.deployment_target (
    deployment_id bigint      NOT NULL REFERENCES sluice.deployment (id),
    target        text        NOT NULL,
    database      text        NOT NULL DEFAULT '',     -- '' for a single-database target
    ordinal       integer     NOT NULL,                -- fixed order, so waves stay the same after a restart
    state         text        NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed')),
    versions      text        NOT NULL DEFAULT '',     -- versions applied (or rolled back), comma separated
    detail        text        NOT NULL DEFAULT '',
    attempts      integer     NOT NULL DEFAULT 0,
    started_at    timestamptz,
    finished_at   timestamptz,
    PRIMARY KEY (deployment_id, target, database)
);

-- Approvals, bound to a migration digest: the head's before the merge, the release's after it.
CREATE TABLE sluice.approval (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository   text        NOT NULL,
    pull_request integer     NOT NULL,
    environment  text        NOT NULL,
    digest       text        NOT NULL,
    actor        text        NOT NULL,
    source       text        NOT NULL CHECK (source IN ('comment', 'label')),
    given_at     timestamptz NOT NULL DEFAULT now(),
    voided_at    timestamptz,
    void_reason  text
);

CREATE INDEX approval_standing ON sluice.approval (repository, pull_request, environment) WHERE voided_at IS NULL;

-- /sluice pause <env>: no new deployment starts in the environment until resumed.
CREATE TABLE sluice.environment_pause (
    repository  text        NOT NULL,
    environment text        NOT NULL,
    paused_by   text        NOT NULL,
    paused_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (repository, environment)
);

-- The sluice/hold label on a pull request: its release waits in every environment.
CREATE TABLE sluice.pull_request_hold (
    repository   text        NOT NULL,
    pull_request integer     NOT NULL,
    held_by      text        NOT NULL,
    held_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (repository, pull_request)
);

-- Reports owed to GitHub. Written in the same transaction as the state they report, sent later:
-- an outage delays a report and never repeats a migration. Refreshes of one comment or check run
-- coalesce into one queued row; revision tells a sender that the state moved while it rendered.
CREATE TABLE sluice.outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository      text        NOT NULL,
    installation_id bigint      NOT NULL,
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL DEFAULT '',
    revision        integer     NOT NULL DEFAULT 1,
    state           text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'parked')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

CREATE UNIQUE INDEX outbox_one_refresh ON sluice.outbox (repository, kind, subject)
    WHERE state = 'queued' AND kind IN ('release-comment', 'deploy-check');
CREATE INDEX outbox_due ON sluice.outbox (next_attempt_at) WHERE state = 'queued';

-- GitHub objects Sluice made (sticky comments, check runs), by a key of Sluice's, so a report is
-- edited in place instead of made twice.
CREATE TABLE sluice.report_handle (
    repository text   NOT NULL,
    key        text   NOT NULL,
    github_id  bigint NOT NULL,
    PRIMARY KEY (repository, key)
);

ALTER TABLE sluice.audit_event ADD COLUMN repository text;
CREATE INDEX audit_event_release ON sluice.audit_event (repository, release);
