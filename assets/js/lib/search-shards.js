// The archive's search index is split into shards of contiguous months (scripts/lib/search/shards.ts). This module
// searches them as one Pagefind index, with the few calls assets/js/search.js makes (search, filters, options):
// - a month or year filter opens only the shards holding those months;
// - newest first: shards cover disjoint months, so their own date-sorted lists, newest shard first, are the exact
//   global order; without a keyword the totals come from the manifest's counts and a shard is opened only when
//   one of its results is shown, so the first page of a listing opens the newest shard alone;
// - filter counts add up across shards (Pagefind counts pages), and filters() reads them from the manifest;
// - relevance: every routed shard's results merged by Pagefind's score.
// Runs in the browser and, for the tests and the bench, in Node (scripts/lib/search/node-client.ts).

const MANIFEST = "pagefind/shards.json";
const RUNTIME = "pagefind/pagefind.js";

/** Every "YYYY-MM" a month or year filter value names; undefined when the filter does not bound the months. */
export function monthsOfFilters(filters = {}) {
  let months;
  for (const key of ["month", "year"]) {
    const values = listed(filters[key]);
    if (values === undefined) continue;
    const these = new Set(values.flatMap((v) => (key === "year" ? Array.from({ length: 12 }, (_, i) => `${v}-${String(i + 1).padStart(2, "0")}`) : [v])));
    months = months ? new Set([...months].filter((m) => these.has(m))) : these;
  }
  return months;
}

/** The values a filter keeps: a string, a list, or { any }; undefined for none/not/all forms (they do not bound). */
function listed(value) {
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value;
  if (value.any && !value.all && !value.none && !value.not) return value.any;
  return undefined;
}

/** The shards (newest first) that may hold pages of these months. */
export function routeShards(shards, filters) {
  const months = monthsOfFilters(filters);
  if (!months) return shards;
  const wanted = [...months];
  return shards.filter((s) => wanted.some((m) => m >= s.first && m <= s.last));
}

/**
 * Pages of a shard a keyword-less search with these filters lists, from the manifest; undefined when the filters
 * go beyond one category and a month or year set (the shard must then be searched to know).
 */
export function countInShard(shard, filters = {}) {
  const keys = Object.keys(filters);
  if (keys.some((k) => k !== "category" && k !== "month" && k !== "year")) return undefined;
  const categories = filters.category === undefined ? undefined : listed(filters.category);
  if (categories !== undefined && categories.length !== 1) return undefined;
  if ((filters.month !== undefined || filters.year !== undefined) && monthsOfFilters(filters) === undefined) return undefined;
  const months = monthsOfFilters(filters);
  const category = categories?.[0];
  let total = 0;
  for (const [month, byCategory] of Object.entries(shard.counts.monthCategory)) {
    if (months && !months.has(month)) continue;
    total += category === undefined ? Object.values(byCategory).reduce((a, b) => a + b, 0) : (byCategory[category] ?? 0);
  }
  return total;
}

/** Pagefind's IDF (pagefind_web/src/search.rs, calculate_idf). */
export function idf(totalPages, pagesWithTerm) {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

/**
 * Puts relevance scores of several shards on one scale. Pagefind weighs each term by its IDF among the pages of
 * the index searched, so the same page scores differently in a small shard than in one index of everything.
 * `shards`: per shard, its page count, the pages holding each term (from single-term searches) and, per result,
 * its score in those single-term searches. A result's score is rescaled term by term, in proportion to what each
 * term gave it, by the ratio of the term's IDF over all these shards to its IDF in the result's own shard.
 */
export function rescoreAcrossShards(shards) {
  const total = shards.reduce((n, s) => n + s.pages, 0);
  const terms = shards[0]?.termPages.length ?? 0;
  const withTerm = Array.from({ length: terms }, (_, t) => shards.reduce((n, s) => n + s.termPages[t], 0));
  for (const shard of shards) {
    const ratio = withTerm.map((n, t) => (shard.termPages[t] ? idf(total, n) / idf(shard.pages, shard.termPages[t]) : 1));
    for (const result of shard.results) {
      const parts = shard.termScores.map((scores) => scores.get(result.id) ?? 0);
      const sum = parts.reduce((a, b) => a + b, 0);
      if (sum > 0) result.score *= parts.reduce((n, part, t) => n + part * ratio[t], 0) / sum;
    }
  }
}

function addCounts(into, from) {
  for (const [filter, values] of Object.entries(from ?? {})) {
    const target = (into[filter] ??= {});
    for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
  }
  return into;
}

/**
 * Opens the site's shards (nothing is fetched but the manifest and Pagefind's script until a search needs a shard).
 * `base`: the site's root URL ("/" on the site); `options`: Pagefind's, given to every shard it opens.
 */
export async function openShards({ base = "/", options = {} } = {}) {
  const response = await fetch(`${base}${MANIFEST}`);
  if (!response.ok) throw new Error(`${response.status} fetching ${base}${MANIFEST}`);
  const manifest = await response.json();
  const pagefind = await import(`${base}${RUNTIME}`);
  const shards = manifest.shards; // newest first
  let settings = { ...options };
  const instances = new Map();
  let first;

  // Every shard's instance shares pagefind.js's one WebAssembly module, which the first instance to load it
  // sets up: two set up at once would each make their own and the first instance would point into the wrong one
  // (Pagefind's own mergeIndex waits likewise). search("") returns once an instance is ready, fetching no chunk.
  const open = (shard) => {
    let instance = instances.get(shard.dir);
    if (!instance) {
      const create = () => pagefind.createInstance({ baseUrl: "/", ...settings, basePath: `${base}pagefind/${shard.dir}/` });
      instance = first ? first.then(create) : (first = Promise.resolve(create()).then(async (i) => (await i.search(""), i)));
      first.catch(() => (first = undefined));
      instances.set(shard.dir, instance);
    }
    return instance;
  };

  /** A keyword-less, date-ordered list whose totals the manifest knows: shards open as their results are read. */
  function lazyListing(targets, filters, direction) {
    const ordered = direction === "asc" ? [...targets].reverse() : targets;
    const results = [];
    const searched = new Map();
    for (const shard of ordered) {
      const count = countInShard(shard, filters);
      const page = (i) => {
        let list = searched.get(shard.dir);
        if (!list) {
          list = open(shard).then((i) => i.search(null, { filters, sort: { date: direction } })).then((r) => {
            if (r.results.length !== count) throw new Error(`shard ${shard.dir}: ${r.results.length} results, manifest says ${count}`);
            return r.results;
          });
          searched.set(shard.dir, list);
        }
        return list.then((all) => all[i]);
      };
      for (let i = 0; i < count; i++) {
        results.push({ id: `${shard.dir}/${i}`, score: 0, words: [], data: async () => (await page(i)).data() });
      }
    }
    const counts = ordered.reduce((all, s) => addCounts(all, s.counts), {});
    return { results, unfilteredResultCount: results.length, filters: counts, totalFilters: counts, shards: [] };
  }

  /** Single-term searches load no chunk the query has not loaded: they give each term's pages and share. */
  async function rescore(targets, responses, term) {
    const words = term.trim().split(/\s+/);
    const shardsData = await Promise.all(
      targets.map(async (shard, i) => {
        const instance = await open(shard);
        const single = await Promise.all(words.map((w) => instance.search(w)));
        return {
          pages: shard.pages,
          termPages: single.map((r) => r.unfilteredResultCount),
          termScores: single.map((r) => new Map(r.results.map((x) => [x.id, x.score]))),
          results: responses[i].results,
        };
      }),
    );
    rescoreAcrossShards(shardsData);
  }

  return {
    async options(next) {
      settings = { ...settings, ...next };
      await Promise.all([...instances.values()].map(async (i) => (await i).options(next)));
    },

    async search(term, searchOptions = {}) {
      const { filters = {}, sort = {} } = searchOptions;
      const keys = Object.keys(sort);
      if (keys.some((k) => k !== "date")) throw new Error(`only the date sort merges across shards, not ${keys.join(", ")}`);
      const direction = sort.date;
      const targets = routeShards(shards, filters);
      if (term === null && direction && targets.every((s) => countInShard(s, filters) !== undefined)) {
        return lazyListing(targets, filters, direction);
      }
      const responses = await Promise.all(targets.map(async (s) => (await open(s)).search(term, searchOptions)));
      const merged = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
      const inOrder = direction === "asc" ? [...responses].reverse() : responses;
      for (const r of inOrder) {
        merged.results.push(...r.results);
        merged.unfilteredResultCount += r.unfilteredResultCount;
        addCounts(merged.filters, r.filters);
        addCounts(merged.totalFilters, r.totalFilters);
      }
      // A quoted (exact) search scores every page alike: nothing to rescale.
      if (!direction && term && !/^\s*".+"\s*$/.test(term) && targets.length > 1) await rescore(targets, responses, term);
      // Relevance: scores on one scale, a stable sort so equal scores keep the newer shard first.
      if (!direction) merged.results.sort((a, b) => b.score - a.score);
      return merged;
    },

    async preload(term, searchOptions = {}) {
      await Promise.all(routeShards(shards, searchOptions.filters).map(async (s) => (await open(s)).preload(term, searchOptions)));
    },

    /** Pages per filter value over the whole archive, from the manifest (no shard is opened). */
    async filters() {
      const all = {};
      for (const s of shards) {
        const { monthCategory, ...counts } = s.counts;
        addCounts(all, counts);
      }
      return all;
    },

    /** Folders of the shards opened so far. */
    opened: () => shards.filter((s) => instances.has(s.dir)).map((s) => s.dir),

    async destroy() {
      await Promise.all([...instances.values()].map(async (i) => (await i).destroy()));
      instances.clear();
      first = undefined;
    },
  };
}
