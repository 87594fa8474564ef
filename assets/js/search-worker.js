// The search page's worker: Pagefind downloads, searches and builds excerpts here, off the page's thread.
import { createSession } from "./lib/search-session.js";

const session = createSession();

self.addEventListener("message", async ({ data }) => {
  const { id, type } = data;
  try {
    const answer = type === "search" ? await session.search(data.state) : type === "more" ? await session.more(data.from) : await session.warm();
    self.postMessage({ id, ...answer });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
