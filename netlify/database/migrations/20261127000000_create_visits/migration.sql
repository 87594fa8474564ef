-- Visit counter (issue 4). Counts only: no IP, no cookie, nothing personal.

-- One row per calendar day in Asia/Ho_Chi_Minh.
CREATE TABLE visits_daily (
  day date PRIMARY KEY,
  n bigint NOT NULL CHECK (n > 0)
);

-- A single row: the total since the old portal. Seeded by the first visit from site.config.ts's
-- counter.initialTotal, so the starting value stays a setting and not a migration.
CREATE TABLE visits_total (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n bigint NOT NULL CHECK (n > 0)
);
