/** Security headers of every response; netlify.toml repeats them and a test keeps both equal. */

// Pagefind compiles its WebAssembly search engine in the page: that needs 'wasm-unsafe-eval', not 'unsafe-eval'.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: Record<string, string> = {
  "Content-Security-Policy": contentSecurityPolicy,
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
};

const YEAR = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * Cache-Control by path, as netlify.toml's [[headers]] set it (a test keeps both equal); "/x/*" is a prefix and
 * ":shard" one path segment (a search shard's folder, scripts/lib/search/shards.ts).
 */
export const CACHE_RULES: readonly { for: string; value: string }[] = [
  { for: "/assets/*", value: YEAR },
  { for: "/pagefind/:shard/fragment/*", value: YEAR },
  { for: "/pagefind/:shard/index/*", value: YEAR },
  { for: "/pagefind/:shard/filter/*", value: YEAR },
  { for: "/pagefind/shards.json", value: REVALIDATE },
  { for: "/pagefind/:shard/pagefind-entry.json", value: REVALIDATE },
  { for: "/pagefind/pagefind.js", value: REVALIDATE },
  { for: "/pagefind/pagefind-worker.js", value: REVALIDATE },
  { for: "/pagefind/wasm.vi.pagefind", value: REVALIDATE },
  { for: "/pagefind/wasm.unknown.pagefind", value: REVALIDATE },
  { for: "/api/*", value: "no-store" },
];

/** What Netlify sends for a static file no rule names. */
export const DEFAULT_CACHE_CONTROL = REVALIDATE;

/** A netlify.toml path as a pattern: `*` at the end matches the rest, `:name` one segment. */
export function netlifyPath(rule: string): RegExp {
  const pattern = rule.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\/\*$/, "/.*").replace(/:\w+/g, "[^/]+");
  return new RegExp(`^${pattern}$`);
}

export function cacheControlFor(pathname: string): string {
  const rule = CACHE_RULES.find((r) => netlifyPath(r.for).test(pathname));
  return rule?.value ?? DEFAULT_CACHE_CONTROL;
}
