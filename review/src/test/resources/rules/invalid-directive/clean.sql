-- sluice:transaction off
-- sluice:lock-timeout 5s
-- sluice:statement-timeout 30min
-- sluice:ignore-file prefer-text
CREATE TABLE public.tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(64) NOT NULL
);

-- sluice: ignore prefer-robust-stmts
ALTER TABLE public.tags ADD COLUMN parent_id bigint REFERENCES public.tags (id);

-- Comments that merely mention sluice:transaction are not directives, and neither are block comments:
/* sluice:transaction maybe */
-- Sluice: lower-case "sluice:" at the very start is what makes a directive.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tags_parent_id_idx ON public.tags (parent_id);
