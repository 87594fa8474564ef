/**
 * The counter's per-client rate limit: one rule, applied by Netlify at the edge in production (the edge function's
 * `config.rateLimit`) and by `npm start` locally with the same sliding window.
 */

export interface RateLimitRule {
  /** Requests allowed per client within the window. */
  windowLimit: number;
  /** The window, in seconds. */
  windowSize: number;
  /** Netlify counts per client address and site; a list, or Netlify falls back to the whole domain. */
  aggregateBy: ("ip" | "domain")[];
}

// A reader's session sends one POST, then one GET per page: ten a minute covers fast reading; a script adds at
// most ten visits a minute per address instead of hundreds a second.
export const VISITS_RATE_LIMIT: RateLimitRule = { windowLimit: 10, windowSize: 60, aggregateBy: ["ip", "domain"] };

/** Whether a client may make one more request now; answers the seconds to wait when it may not. */
export type RateLimiter = (client: string) => { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The rule as Netlify applies it (a sliding window per client), in memory, with an injectable clock. */
export function createRateLimiter(rule: RateLimitRule, now: () => number = Date.now): RateLimiter {
  const windowMs = rule.windowSize * 1000;
  const seen = new Map<string, number[]>();
  return (client) => {
    const time = now();
    const recent = (seen.get(client) ?? []).filter((at) => at > time - windowMs);
    // Forget idle clients so a long-running server keeps no list of every address it met.
    if (seen.size > 10_000) for (const [key, times] of seen) if (times.every((at) => at <= time - windowMs)) seen.delete(key);
    if (recent.length >= rule.windowLimit) {
      seen.set(client, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - time) / 1000)) };
    }
    recent.push(time);
    seen.set(client, recent);
    return { allowed: true };
  };
}
