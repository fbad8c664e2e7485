CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A table created by the migrations is empty: its exclusion constraints cost nothing.
CREATE TABLE desk_reservations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    desk_id bigint NOT NULL,
    user_id bigint NOT NULL,
    during tstzrange NOT NULL,
    EXCLUDE USING gist (desk_id WITH =, during WITH &&)
);
ALTER TABLE desk_reservations
    ADD CONSTRAINT desk_reservations_one_desk_per_user EXCLUDE USING gist (user_id WITH =, during WITH &&);

-- room_bookings holds a few hundred rows; this runs in the agreed maintenance window.
-- sluice:ignore add-exclusion-constraint
ALTER TABLE room_bookings
    ADD CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
