// Units of the counter's HTTP logic: injected clock and an in-memory store, no Netlify, no database.
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import visits, { config } from "../../netlify/edge-functions/visits.ts";
import { calendarDay } from "../../netlify/edge-functions/lib/calendar-day.ts";
import { skipReason } from "../../netlify/edge-functions/lib/visit-rules.ts";
import { createVisitsHandler, type VisitsBody } from "../../netlify/edge-functions/lib/visits-handler.ts";
import type { VisitCounts, VisitStore } from "../../netlify/edge-functions/lib/visit-store.ts";

const browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const endpoint = "https://sokhcn.example.vn/api/visits";

/** Same semantics as the SQL statement, in memory. */
function memoryStore(): VisitStore & { days: Map<string, number>; total: () => number | undefined } {
  const days = new Map<string, number>();
  let total: number | undefined;
  return {
    days,
    total: () => total,
    async count(day, initialTotal): Promise<VisitCounts> {
      days.set(day, (days.get(day) ?? 0) + 1);
      total = (total ?? initialTotal) + 1;
      return { today: days.get(day)!, total };
    },
    async read(day, initialTotal): Promise<VisitCounts> {
      return { today: days.get(day) ?? 0, total: total ?? initialTotal };
    },
  };
}

function setup(start = "2026-03-15T23:59:59+07:00") {
  const store = memoryStore();
  let now = new Date(start);
  const handle = createVisitsHandler({
    store: () => store,
    now: () => now,
    timeZone: "Asia/Ho_Chi_Minh",
    initialTotal: 1941995,
    timeoutMs: 2000,
  });
  return { store, handle, setNow: (iso: string) => (now = new Date(iso)) };
}

function post(headers: Record<string, string> = {}, init: RequestInit = {}): Request {
  return new Request(endpoint, {
    method: "POST",
    headers: { "user-agent": browser, "sec-fetch-site": "same-origin", origin: "https://sokhcn.example.vn", ...headers },
    ...init,
  });
}

async function body(response: Response): Promise<VisitsBody> {
  return (await response.json()) as VisitsBody;
}

describe("calendar day in Asia/Ho_Chi_Minh", () => {
  it("rolls over at 00:00 +07, not at UTC midnight", () => {
    expect(calendarDay(new Date("2026-03-15T23:59:59+07:00"), "Asia/Ho_Chi_Minh")).toBe("2026-03-15");
    expect(calendarDay(new Date("2026-03-16T00:00:00+07:00"), "Asia/Ho_Chi_Minh")).toBe("2026-03-16");
    expect(calendarDay(new Date("2026-03-15T17:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-03-16");
    expect(calendarDay(new Date("2026-03-15T16:59:59Z"), "Asia/Ho_Chi_Minh")).toBe("2026-03-15");
  });
});

describe("counting with an injected clock", () => {
  it("starts a new day at 00:00:00 +07 and keeps the total", async () => {
    const { handle, setNow } = setup("2026-03-15T23:59:59+07:00");
    const first = await body(await handle(post()));
    expect(first).toEqual({ day: "2026-03-15", today: 1, total: 1941996, counted: true });
    const second = await body(await handle(post()));
    expect(second).toEqual({ day: "2026-03-15", today: 2, total: 1941997, counted: true });

    setNow("2026-03-16T00:00:00+07:00");
    expect(await body(await handle(new Request(endpoint)))).toEqual({
      day: "2026-03-16",
      today: 0,
      total: 1941997,
      counted: false,
    });
    const third = await body(await handle(post()));
    expect(third).toEqual({ day: "2026-03-16", today: 1, total: 1941998, counted: true });
  });

  it("GET reads without counting", async () => {
    const { handle, store } = setup();
    const read = await handle(new Request(endpoint, { headers: { "user-agent": browser } }));
    expect(read.status).toBe(200);
    expect(await body(read)).toEqual({ day: "2026-03-15", today: 0, total: 1941995, counted: false });
    expect(store.total()).toBeUndefined();
  });
});

describe("what does not count", () => {
  const cases: Array<[string, Record<string, string>]> = [
    ["Sec-Purpose prefetch", { "sec-purpose": "prefetch" }],
    ["Sec-Purpose prerender", { "sec-purpose": "prefetch;prerender" }],
    ["Purpose prefetch", { purpose: "prefetch" }],
    ["X-Purpose preview", { "x-purpose": "preview" }],
    ["X-Moz prefetch", { "x-moz": "prefetch" }],
    ["Googlebot", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }],
    ["Cốc Cốc bot", { "user-agent": "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)" }],
    ["Bingbot", { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }],
    ["Facebook preview", { "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" }],
    ["Headless Chrome", { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36" }],
    ["curl", { "user-agent": "curl/8.5.0" }],
    ["no user agent", { "user-agent": "" }],
    ["cross-site fetch", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["same-site but another origin", { "sec-fetch-site": "same-site", origin: "https://other.sokhcn.example.vn" }],
    ["foreign Origin without Sec-Fetch-Site", { "sec-fetch-site": "", origin: "https://evil.example" }],
    ["opaque Origin null", { origin: "null" }],
  ];

  it.each(cases)("%s: POST answers counted false and changes nothing", async (_name, headers) => {
    const { handle, store } = setup();
    const init = post(headers);
    if (headers["sec-fetch-site"] === "") init.headers.delete("sec-fetch-site");
    if (headers["user-agent"] === "") init.headers.delete("user-agent");
    const response = await handle(init);
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ day: "2026-03-15", today: 0, total: 1941995, counted: false });
    expect(store.total()).toBeUndefined();
    expect(skipReason(init)).not.toBeNull();
  });

  it("counts a same-origin reader, also behind a proxy that rewrote the URL's host", async () => {
    const { handle } = setup();
    const proxied = new Request("http://127.0.0.1:9999/api/visits", {
      method: "POST",
      headers: { "user-agent": browser, origin: "http://localhost:8888", "x-forwarded-host": "localhost:8888" },
    });
    expect(skipReason(proxied)).toBeNull();
    expect((await body(await handle(proxied))).counted).toBe(true);
    // Older browsers send neither Sec-Fetch-Site nor Origin on same-origin requests.
    const bare = new Request(endpoint, { method: "POST", headers: { "user-agent": browser } });
    expect((await body(await handle(bare))).counted).toBe(true);
  });
});

describe("methods and caching", () => {
  it.each(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])("%s answers 405 with Allow", async (method) => {
    const { handle, store } = setup();
    const response = await handle(new Request(endpoint, { method, headers: { "user-agent": browser } }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(store.total()).toBeUndefined();
  });

  it("every answer says cache-control: no-store", async () => {
    const { handle } = setup();
    const failing = createVisitsHandler({
      store: () => Promise.reject(new Error("down")),
      timeZone: "Asia/Ho_Chi_Minh",
      initialTotal: 1,
      timeoutMs: 2000,
      onError: () => {},
    });
    const responses = [
      await handle(new Request(endpoint)),
      await handle(post()),
      await handle(post({ "user-agent": "Googlebot/2.1" })),
      await handle(new Request(endpoint, { method: "PUT" })),
      await failing(post()),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 405, 503]);
    for (const response of responses) {
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });
});

describe("no request can set a count or add more than one", () => {
  const bodies: Array<[string, BodyInit]> = [
    ["JSON that names counts", JSON.stringify({ today: 999999, total: 1, counted: true, n: 1000 })],
    ["form fields", "today=5000&total=0"],
    ["not JSON", "{{{{"],
    ["large body", "x".repeat(1_000_000)],
  ];

  it.each(bodies)("%s: adds exactly one", async (_name, payload) => {
    const { handle, store } = setup();
    const answer = await body(await handle(post({ "content-type": "application/json" }, { body: payload })));
    expect(answer).toEqual({ day: "2026-03-15", today: 1, total: 1941996, counted: true });
    expect(store.days.get("2026-03-15")).toBe(1);
    expect(store.total()).toBe(1941996);
  });

  it("query parameters are ignored too", async () => {
    const { handle, store } = setup();
    await handle(new Request(`${endpoint}?today=7&total=7&day=2000-01-01`, post()));
    expect([...store.days]).toEqual([["2026-03-15", 1]]);
    expect(store.total()).toBe(1941996);
  });
});

describe("the edge function module", () => {
  it("declares its route from the site's settings and answers 503 without a database", async () => {
    expect(config.path).toBe(site.counter.endpoint);
    const saved = process.env.NETLIFY_DB_URL;
    delete process.env.NETLIFY_DB_URL;
    const errors = console.error;
    console.error = () => {};
    try {
      const response = await visits(post(), {} as Parameters<typeof visits>[1]);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: "database_unavailable" });
    } finally {
      console.error = errors;
      if (saved !== undefined) process.env.NETLIFY_DB_URL = saved;
    }
  });
});
