// Detail pages of the knowledge base cached in memory until the knowledge tables change: they are read
// far more often than written (every visit pre-fills a plan from a disease), and one costs several queries.

/** Entries kept at most per kind; the knowledge base holds a few hundred. */
const MAX_CACHED = 2000;

export function cachedUntilKnowledgeChanges<T>(version: () => Promise<string>, load: (code: string) => Promise<T>) {
  let cachedVersion = '';
  const cache = new Map<string, Promise<T>>();
  return async function cached(code: string): Promise<T> {
    const current = await version();
    if (current !== cachedVersion) {
      cache.clear();
      cachedVersion = current;
    }
    let entry = cache.get(code);
    if (!entry) {
      if (cache.size >= MAX_CACHED) cache.clear();
      entry = load(code);
      cache.set(code, entry);
      // A failure (unknown code, database away) is not remembered.
      entry.catch(() => cache.delete(code));
    }
    return entry;
  };
}
