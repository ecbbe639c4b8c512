/**
 * Rendered tenant responses, in process. Keys carry the site's content version, so a change to the whole
 * site makes its entries unreachable at once (and `dropSite` frees them). Finer dependencies let an article
 * change drop only what it touches: an entry either names tags (an article page: the articles it shows) and
 * is dropped by `dropTags`, or depends on the site's whole article set at a version (lists, hubs, sitemaps,
 * any other page) and is unreachable once that version moves. Bounded by entries and bytes with
 * least-recently-used eviction (a Map iterates in insertion order; a hit re-inserts).
 */
export interface Sized {
  bytes: number;
}

export type PageDependencies = { tags: readonly string[] } | { articleSet: string };

export interface PageCache<Entry extends Sized> {
  /** `articleSet`: the site's current articles version, checked against entries that depend on it. */
  get(siteId: string, version: string, url: string, articleSet?: string): Entry | undefined;
  set(siteId: string, version: string, url: string, entry: Entry, dependencies?: PageDependencies): void;
  /** Forgets a site's entries (null = every site). */
  dropSite(siteId: string | null): void;
  /** Forgets a site's entries that carry any of the tags, and those that depend on its article set. */
  dropTags(siteId: string, tags: Iterable<string>): void;
  readonly size: number;
  readonly bytes: number;
}

interface Slot<Entry> {
  siteId: string;
  entry: Entry;
  tags: readonly string[];
  articleSet: string | undefined;
}

export function createPageCache<Entry extends Sized>(limits: {
  maxEntries: number;
  maxBytes: number;
}): PageCache<Entry> {
  const slots = new Map<string, Slot<Entry>>();
  /** site + tag → keys of the entries carrying it; site → keys of entries that depend on the article set. */
  const tagged = new Map<string, Set<string>>();
  let totalBytes = 0;
  const keyOf = (siteId: string, version: string, url: string) => `${siteId}\u0000${version}\u0000${url}`;
  const tagKey = (siteId: string, tag: string) => `${siteId}\u0000${tag}`;
  const listsKey = (siteId: string) => `${siteId}\u0000\u0000lists`;
  const indexKeys = (slot: Slot<Entry>) =>
    slot.articleSet === undefined
      ? slot.tags.map((tag) => tagKey(slot.siteId, tag))
      : [listsKey(slot.siteId)];
  const remove = (key: string) => {
    const slot = slots.get(key);
    if (!slot) return;
    slots.delete(key);
    totalBytes -= slot.entry.bytes;
    for (const index of indexKeys(slot)) {
      const keys = tagged.get(index);
      keys?.delete(key);
      if (keys?.size === 0) tagged.delete(index);
    }
  };
  const dropIndexed = (index: string) => {
    for (const key of tagged.get(index) ?? []) remove(key);
  };
  return {
    get(siteId, version, url, articleSet) {
      const key = keyOf(siteId, version, url);
      const slot = slots.get(key);
      if (!slot) return undefined;
      if (slot.articleSet !== undefined && articleSet !== undefined && slot.articleSet !== articleSet) {
        remove(key);
        return undefined;
      }
      slots.delete(key);
      slots.set(key, slot);
      return slot.entry;
    },
    set(siteId, version, url, entry, dependencies) {
      const key = keyOf(siteId, version, url);
      remove(key);
      const slot: Slot<Entry> = {
        siteId,
        entry,
        tags: dependencies && 'tags' in dependencies ? dependencies.tags : [],
        articleSet: dependencies && 'articleSet' in dependencies ? dependencies.articleSet : undefined,
      };
      slots.set(key, slot);
      totalBytes += entry.bytes;
      for (const index of indexKeys(slot)) {
        const keys = tagged.get(index) ?? new Set<string>();
        keys.add(key);
        tagged.set(index, keys);
      }
      for (const oldest of slots.keys()) {
        if (slots.size <= limits.maxEntries && totalBytes <= limits.maxBytes) break;
        remove(oldest);
      }
    },
    dropSite(siteId) {
      for (const [key, slot] of slots) if (siteId === null || slot.siteId === siteId) remove(key);
    },
    dropTags(siteId, tags) {
      dropIndexed(listsKey(siteId));
      for (const tag of tags) dropIndexed(tagKey(siteId, tag));
    },
    get size() {
      return slots.size;
    },
    get bytes() {
      return totalBytes;
    },
  };
}
