-- A report being sent is leased to one sender until leased_until. Kept apart from next_attempt_at
-- (when it is due) because a refresh enqueued during the send made the row due at once, and a
-- second replica then sent it alongside the first: two sticky comments on one pull request.
ALTER TABLE sluice.outbox ADD COLUMN leased_until timestamptz;
