/**
 * How the search index is split: into shards of contiguous publication months, newest last in the plan and
 * newest first in the manifest the search page reads (assets/js/search-shards.js).
 *
 * Why by date: a date-bounded search then opens only the shards of its months, a newest-first listing only the
 * newest shard, and a new article changes only the newest shard. Why bounded: Pagefind holds about 0.3 MiB per
 * page while it writes an index, so the budget caps a shard's memory whatever the archive's size.
 *
 * An archive within the budget is one shard. Above it, the rule packs whole years from the oldest while they fit
 * the budget, and the newest year stands alone; a year
 * larger than the budget is cut into runs of whole months. Boundaries depend only on the counts of the years
 * before them, so adding articles to the newest year (the usual case) changes the newest shard alone, a small
 * one, and the others keep their content and their index.
 */

/** A shard as planned: the months it covers and its articles' URLs. */
export interface ShardPlan {
  /** Folder under the site's /pagefind/, e.g. "2011-01_2014-12". */
  dir: string;
  /** First and last month covered, "YYYY-MM", inclusive. */
  first: string;
  last: string;
  /** The articles in it, in the order given. */
  urls: string[];
}

/** What the planner reads of an article. */
export interface ShardInput {
  url: string;
  /** "YYYY-MM" of its date in Vietnam. */
  month: string;
}

/** Filter counts of one shard: counts[filter][value] = pages; month × category for exact newest-first totals. */
export interface ShardCounts {
  category: Record<string, number>;
  year: Record<string, number>;
  month: Record<string, number>;
  /** "YYYY-MM" → category name → pages: lets a category listing know its total before any shard is opened. */
  monthCategory: Record<string, Record<string, number>>;
}

/** One shard in the manifest (`/pagefind/shards.json`). */
export interface ShardEntry {
  dir: string;
  first: string;
  last: string;
  pages: number;
  /** What the bundle was written from (scripts/lib/search/index.ts, shardKey): a later build keeps it when equal. */
  key?: string;
  counts: ShardCounts;
}

/** `/pagefind/shards.json`: the shards newest first. The search page reads it before opening any shard. */
export interface ShardManifest {
  version: 1;
  /** Pagefind's version: the shared runtime at /pagefind/pagefind.js must match every shard. */
  pagefind: string;
  shards: ShardEntry[];
  /** Written by one part of a build split across machines: the assembly checks every planned shard came once. */
  part?: { index: number; count: number; planned: string[] };
}

export const MANIFEST_FILE = "shards.json";

/** What a shard keeps of a Pagefind bundle: its entry, meta and chunks. Pagefind's UI is not used (ours is). */
export const SHARD_FILES = /^(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|index|fragment|filter)$/;

/**
 * Pagefind's runtime, the same bytes in every bundle of one version: kept once at /pagefind/. The page imports
 * pagefind.js once, and every shard's WebAssembly address redirects to the one copy (netlify.toml, server/).
 */
export const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Default pages per shard. Pagefind holds about 0.27 MiB a page while it writes (a 2,000-page shard 0.4–0.55 GiB):
 * at 2,500 the build of 10,000 articles peaked at 2.05–2.15 GiB, at 2,000 at 1.7 GiB, for 3–4 % more first-search
 * bytes (more shards, each with its own meta). docs/benchmark.md has the figures.
 */
export const DEFAULT_SHARD_PAGES = 2000;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Contiguous month ranges of at most `budget` pages (a single month above it stays whole), oldest first. */
export function planShards(articles: readonly ShardInput[], budget = DEFAULT_SHARD_PAGES): ShardPlan[] {
  if (!Number.isInteger(budget) || budget < 1) throw new Error(`shard budget must be a positive integer, not ${budget}`);
  const byMonth = new Map<string, string[]>();
  for (const a of articles) {
    if (!MONTH.test(a.month)) throw new Error(`${a.url}: month "${a.month}" is not YYYY-MM`);
    (byMonth.get(a.month) ?? byMonth.set(a.month, []).get(a.month)!).push(a.url);
  }
  const months = [...byMonth.keys()].sort();
  const years = new Map<string, string[]>();
  for (const m of months) (years.get(m.slice(0, 4)) ?? years.set(m.slice(0, 4), []).get(m.slice(0, 4))!).push(m);

  const shards: ShardPlan[] = [];
  let open: string[] = [];
  let size = 0;
  const close = () => {
    if (!open.length) return;
    const first = open[0]!;
    const last = open.at(-1)!;
    shards.push({ dir: `${first}_${last}`, first, last, urls: open.flatMap((m) => byMonth.get(m)!) });
    open = [];
    size = 0;
  };
  // An archive within the budget is one shard; above it, the newest year stands alone.
  const newest = articles.length > budget ? [...years.keys()].at(-1) : undefined;
  for (const [year, yearMonths] of years) {
    const pages = yearMonths.reduce((n, m) => n + byMonth.get(m)!.length, 0);
    if (pages <= budget) {
      // The newest year stands alone: it takes the new articles, so a publication rewrites one year's shard.
      if (size + pages > budget || year === newest) close();
      open.push(...yearMonths);
      size += pages;
      continue;
    }
    // A year above the budget: runs of whole months, and the next year starts a shard of its own.
    close();
    for (const m of yearMonths) {
      const n = byMonth.get(m)!.length;
      if (size + n > budget) close();
      open.push(m);
      size += n;
    }
    close();
  }
  close();
  return shards;
}

/** The shards (newest first) that can hold any of these months; all of them when `months` is undefined. */
export function shardsForMonths<T extends { first: string; last: string }>(shards: readonly T[], months: Iterable<string> | undefined): T[] {
  if (months === undefined) return [...shards];
  const wanted = [...months];
  return shards.filter((s) => wanted.some((m) => m >= s.first && m <= s.last));
}

const SHARD_RUNTIME = /^(.*\/pagefind\/)\d{4}-\d{2}_\d{4}-\d{2}\/(wasm\.[\w-]+\.pagefind|pagefind-worker\.js)$/;

/**
 * Where a shard's request for Pagefind's runtime goes: every shard instance fetches its WebAssembly from its own
 * folder, and a permanent redirect to the one copy at /pagefind/ lets the browser download it once
 * (netlify.toml has the same rule; the local server and the Node client apply this one).
 */
export function runtimeRedirect(pathname: string): string | undefined {
  const m = SHARD_RUNTIME.exec(pathname);
  return m ? `${m[1]}${m[2]}` : undefined;
}
