// One reader's searches on the search page: Pagefind loaded once, the latest results kept for "Xem thêm".
// The page runs it in a Web Worker (search-worker.js) so Pagefind's work never blocks the page; if a browser
// cannot start the worker, the page runs the same session itself.
import { PAGE_SIZE, findArticles, loadPagefind, resultView } from "./search-engine.js";

/** @param {() => Promise<any>} [load] */
export function createSession(load = loadPagefind) {
  /** @type {Promise<any> | null} */
  let pagefind = null;
  /** @type {any[]} */
  let results = [];
  let query = "";
  let latest = 0;

  function open() {
    pagefind ??= load();
    // A failed download is tried again by the next search.
    pagefind.catch(() => (pagefind = null));
    return pagefind;
  }

  /** @param {number} from */
  const page = (from) => Promise.all(results.slice(from, from + PAGE_SIZE).map((r) => resultView(r, query)));

  return {
    /** Starts Pagefind's downloads while the reader types. */
    async warm() {
      await open();
      return {};
    },
    /**
     * Every match of a state ({ q, categoryName, from, to, sort }) and the first page of them.
     * @param {{ q: string; categoryName: string; from: string; to: string; sort: string }} state
     */
    async search(state) {
      const mine = ++latest;
      const found = await findArticles(await open(), state);
      // A newer search has started meanwhile: its results are the ones "Xem thêm" continues.
      if (mine !== latest) return { total: found.length, items: [] };
      results = found;
      query = state.q;
      return { total: found.length, items: await page(0) };
    },
    /** The next page of the latest search. @param {number} from */
    async more(from) {
      return { items: await page(from) };
    },
  };
}
