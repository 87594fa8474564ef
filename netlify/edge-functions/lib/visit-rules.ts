/** Which POSTs count as a visit: not prefetches, not bots, not other sites. Headers only, nothing stored. */

export type SkipReason = "prefetch" | "bot" | "cross-site";

// Crawlers, link previews, monitors, headless browsers and HTTP libraries: none is a reader's session.
const botUserAgent =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|facebookcatalog|embedly|preview|headless|lighthouse|pagespeed|gtmetrix|pingdom|uptime|monitor|validator|curl\/|wget\/|python-|aiohttp|go-http-client|java\/|okhttp|libwww|httpclient|axios\/|node-fetch|undici|^node$|scrapy|phantomjs|selenium|puppeteer|playwright/i;

/** Why a POST must not count, or null when it is a reader's visit. */
export function skipReason(request: Request): SkipReason | null {
  const headers = request.headers;
  // Speculation rules and link prefetch send Sec-Purpose; older browsers send Purpose, X-Purpose or X-Moz.
  const purpose = [headers.get("sec-purpose"), headers.get("purpose"), headers.get("x-purpose"), headers.get("x-moz")]
    .filter((value): value is string => value !== null)
    .join(",");
  if (/prefetch|prerender|preview/i.test(purpose)) return "prefetch";

  const userAgent = headers.get("user-agent")?.trim() ?? "";
  if (userAgent === "" || botUserAgent.test(userAgent)) return "bot";

  // The widget fetches from the same origin; anything else a browser marks is another site's request.
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return "cross-site";
  const origin = headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, request)) return "cross-site";
  return null;
}

function isOwnOrigin(origin: string, request: Request): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (sandboxed or opaque origins) throws: not ours
  } catch {
    return false;
  }
  // Behind a proxy (netlify dev, a CDN) the public host is in X-Forwarded-Host or Host.
  const ownHosts = [new URL(request.url).host, request.headers.get("x-forwarded-host"), request.headers.get("host")];
  return ownHosts.some((host) => host !== null && host.toLowerCase() === originHost.toLowerCase());
}
