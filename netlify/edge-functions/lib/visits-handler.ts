/** The counter's HTTP logic, free of Netlify: the store and the clock are injected. */
import { calendarDay } from "./calendar-day.ts";
import { skipReason } from "./visit-rules.ts";
import type { VisitCounts, VisitStore } from "./visit-store.ts";

export interface VisitsHandlerOptions {
  /** The store, created on first use so a missing database becomes a 503 and not a crash. */
  store: () => VisitStore | Promise<VisitStore>;
  /** IANA zone whose calendar day "today" means. */
  timeZone: string;
  initialTotal: number;
  /** Whole answer budget: past it the reader gets a 503, not a hanging widget. */
  timeoutMs: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export interface VisitsBody extends VisitCounts {
  day: string;
  counted: boolean;
}

const allowedMethods = "GET, POST";
// Room left inside the budget to build and send the error answer.
const answerMarginMs = 100;

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms`);
    this.name = "DeadlineError";
  }
}

export function createVisitsHandler(options: VisitsHandlerOptions): (request: Request) => Promise<Response> {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((error: unknown) => console.error("visits:", error));
  const budgetMs = Math.max(options.timeoutMs - answerMarginMs, 1);

  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "POST") {
      return json({ error: "method_not_allowed" }, 405, { allow: allowedMethods });
    }
    const day = calendarDay(now(), options.timeZone);
    const counting = method === "POST" && skipReason(request) === null;
    // The body is never read: no request can choose a count or add more than one.
    try {
      const counts = await withDeadline(async () => {
        const store = await options.store();
        return counting ? store.count(day, options.initialTotal) : store.read(day, options.initialTotal);
      }, budgetMs);
      const body: VisitsBody = { day, today: counts.today, total: counts.total, counted: counting };
      return json(body, 200);
    } catch (error) {
      onError(error);
      // No retry: a statement that committed after the deadline has counted once, and only once.
      return json({ error: error instanceof DeadlineError ? "database_timeout" : "database_unavailable" }, 503, {
        "retry-after": "60",
      });
    }
  };
}

async function withDeadline<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = work();
  pending.catch(() => {}); // a late failure after the deadline is already answered
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
