// 2,000 POSTs from 50 concurrent clients over real HTTP, through @netlify/database, to a real Postgres engine.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { site } from "../../site.config.ts";
import type { SiteServer } from "../../scripts/lib/server/static-server.ts";
import { browserHeaders, serveProductionFunction, startPgliteServer, storedCounts, type PgliteServer } from "../helpers/pglite-server.ts";

const visitors = 50;
const visitsEach = 40;
// A fixed instant (10:00 +07) so the run cannot straddle midnight in Vietnam; only Date is faked.
const fixedNow = new Date("2026-03-15T10:00:00+07:00");

let pg: PgliteServer;
let http: SiteServer;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: fixedNow });
  pg = await startPgliteServer();
  http = await serveProductionFunction(pg.url);
}, 60_000);

afterAll(async () => {
  // Stopping the database drops the pool's idle connections, which the function logs; expected here.
  vi.spyOn(console, "error").mockImplementation(() => {});
  await http?.close();
  await pg?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

interface Answer {
  day: string;
  today: number;
  total: number;
  counted: boolean;
}

describe("exactness under concurrency", () => {
  it(`${visitors * visitsEach} POSTs from ${visitors} clients add exactly that many, each total returned once`, async () => {
    const endpoint = `${http.url}${site.counter.endpoint}`;
    const before = (await (await fetch(endpoint, { headers: browserHeaders })).json()) as Answer;
    expect(before).toEqual({ day: "2026-03-15", today: 0, total: site.counter.initialTotal, counted: false });

    const answers: Answer[] = [];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: visitors }, async () => {
        for (let i = 0; i < visitsEach; i++) {
          const response = await fetch(endpoint, { method: "POST", headers: browserHeaders });
          statuses.push(response.status);
          answers.push((await response.json()) as Answer);
        }
      }),
    );
    const n = visitors * visitsEach;
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(answers.every((answer) => answer.counted && answer.day === "2026-03-15")).toBe(true);

    const totals = answers.map((answer) => answer.total).sort((a, b) => a - b);
    const expectedTotals = Array.from({ length: n }, (_, i) => site.counter.initialTotal + 1 + i);
    expect(totals).toEqual(expectedTotals);
    const todays = answers.map((answer) => answer.today).sort((a, b) => a - b);
    expect(todays).toEqual(Array.from({ length: n }, (_, i) => i + 1));

    const after = (await (await fetch(endpoint, { headers: browserHeaders })).json()) as Answer;
    expect(after).toEqual({ day: "2026-03-15", today: n, total: site.counter.initialTotal + n, counted: false });
    expect(await storedCounts(pg.db)).toEqual({ days: { "2026-03-15": n }, total: site.counter.initialTotal + n });
  }, 180_000);
});
