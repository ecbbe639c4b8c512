export interface LinkEdge {
  readonly sourceId: string;
  readonly targetId: string;
}

/**
 * Pages no other page links to (self-links do not count). `roots` — e.g. the home page, which is
 * reached from navigation — are never reported. Result keeps the order of `pages`.
 */
export function findOrphans(
  pages: readonly { readonly id: string }[],
  links: readonly LinkEdge[],
  roots: Iterable<string> = [],
): string[] {
  const linked = new Set<string>(roots);
  for (const link of links) if (link.sourceId !== link.targetId) linked.add(link.targetId);
  return pages.filter((page) => !linked.has(page.id)).map((page) => page.id);
}
