/** The counter's storage: one SQL statement per visit, run by any Postgres client. */

export interface VisitCounts {
  /** Visits on the calendar day asked for. */
  today: number;
  /** Visits since the old portal, initial total included. */
  total: number;
}

export interface VisitStore {
  /** Counts one visit on `day` and returns the counts it produced. */
  count(day: string, initialTotal: number): Promise<VisitCounts>;
  /** Reads the counts without changing them. */
  read(day: string, initialTotal: number): Promise<VisitCounts>;
}

/** Runs one parameterised statement and returns its rows. */
export type RunQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

// One atomic statement: both upserts run in the statement's own transaction and row locks serialise
// concurrent visits, so each visit gets its own total and none is lost, with no retry loop.
export const countVisitSql = `WITH d AS (
  INSERT INTO visits_daily (day, n) VALUES ($1::date, 1)
  ON CONFLICT (day) DO UPDATE SET n = visits_daily.n + 1
  RETURNING n
), t AS (
  INSERT INTO visits_total (id, n) VALUES (true, $2::bigint + 1)
  ON CONFLICT (id) DO UPDATE SET n = visits_total.n + 1
  RETURNING n
)
SELECT d.n AS today, t.n AS total FROM d, t`;

export const readVisitsSql = `SELECT
  (SELECT n FROM visits_daily WHERE day = $1::date) AS today,
  (SELECT n FROM visits_total WHERE id) AS total`;

/** A store over any client that runs parameterised SQL (Netlify Database, PGlite, pg). */
export function sqlVisitStore(run: RunQuery): VisitStore {
  return {
    async count(day, initialTotal) {
      const [row] = await run(countVisitSql, [day, initialTotal]);
      return { today: toCount(row?.today), total: toCount(row?.total) };
    },
    async read(day, initialTotal) {
      const [row] = await run(readVisitsSql, [day]);
      return {
        today: row?.today == null ? 0 : toCount(row.today),
        total: row?.total == null ? initialTotal : toCount(row.total),
      };
    },
  };
}

// bigint columns arrive as strings from pg and as bigint from PGlite.
function toCount(value: unknown): number {
  const n = typeof value === "string" || typeof value === "bigint" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(`Unexpected count from the database: ${String(value)}`);
  }
  return n;
}
