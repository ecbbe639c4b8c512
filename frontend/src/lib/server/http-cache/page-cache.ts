/**
 * Rendered tenant responses, in process. Keys carry the site's content version, so a CMS change makes a
 * site's entries unreachable at once (and `dropSite` frees them). Bounded by entries and bytes with
 * least-recently-used eviction (a Map iterates in insertion order; a hit re-inserts).
 */
export interface Sized {
  bytes: number;
}

export interface PageCache<Entry extends Sized> {
  get(siteId: string, version: string, url: string): Entry | undefined;
  set(siteId: string, version: string, url: string, entry: Entry): void;
  /** Forgets a site's entries (null = every site). */
  dropSite(siteId: string | null): void;
  readonly size: number;
  readonly bytes: number;
}

export function createPageCache<Entry extends Sized>(limits: {
  maxEntries: number;
  maxBytes: number;
}): PageCache<Entry> {
  const slots = new Map<string, { siteId: string; entry: Entry }>();
  let totalBytes = 0;
  const keyOf = (siteId: string, version: string, url: string) => `${siteId}\u0000${version}\u0000${url}`;
  const remove = (key: string) => {
    const slot = slots.get(key);
    if (!slot) return;
    slots.delete(key);
    totalBytes -= slot.entry.bytes;
  };
  return {
    get(siteId, version, url) {
      const key = keyOf(siteId, version, url);
      const slot = slots.get(key);
      if (!slot) return undefined;
      slots.delete(key);
      slots.set(key, slot);
      return slot.entry;
    },
    set(siteId, version, url, entry) {
      const key = keyOf(siteId, version, url);
      remove(key);
      slots.set(key, { siteId, entry });
      totalBytes += entry.bytes;
      for (const oldest of slots.keys()) {
        if (slots.size <= limits.maxEntries && totalBytes <= limits.maxBytes) break;
        remove(oldest);
      }
    },
    dropSite(siteId) {
      for (const [key, slot] of slots) if (siteId === null || slot.siteId === siteId) remove(key);
    },
    get size() {
      return slots.size;
    },
    get bytes() {
      return totalBytes;
    },
  };
}
