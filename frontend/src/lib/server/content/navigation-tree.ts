import type { NavigationRow } from './schemas.js';

export interface NavNode {
  label: string;
  url: string | null;
  /** Drawn as the header's call-to-action button (an explicit flag on the item, never its position). */
  isCta: boolean;
  children: NavNode[];
}

/** Deeper levels are flattened into the last shown level: a header menu cannot show more without a maze. */
export const NAV_RENDER_DEPTH = 3;

/**
 * Flat `navigation` rows (parent_id + sort) → an ordered tree. Rows whose parent is missing (unpublished or
 * deleted) are dropped with their subtree rather than promoted to the top level, and a parent cycle, which
 * the schema cannot fully rule out, terminates instead of recursing forever.
 */
export function buildNavigationTree(rows: readonly NavigationRow[]): NavNode[] {
  const byParent = new Map<string | null, NavigationRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id) ?? [];
    siblings.push(row);
    byParent.set(row.parent_id, siblings);
  }
  const visited = new Set<string>();
  const build = (parentId: string | null, depth: number): NavNode[] =>
    [...(byParent.get(parentId) ?? [])]
      .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.label.localeCompare(b.label))
      .filter((row) => !visited.has(row.id) && visited.add(row.id))
      .map((row) => ({
        label: row.label,
        url: row.url,
        isCta: row.is_cta,
        children: depth < NAV_RENDER_DEPTH ? build(row.id, depth + 1) : [],
      }));
  return build(null, 1);
}

/**
 * The header's menu and its call-to-action button: the first top-level item flagged `is_cta` that has no
 * children (a button cannot open a dropdown). Without a flag there is no button and every item is a link.
 */
export function splitHeaderNavigation(items: readonly NavNode[]): { menu: NavNode[]; cta: NavNode | null } {
  const cta = items.find((item) => item.isCta && item.children.length === 0) ?? null;
  return { menu: items.filter((item) => item !== cta), cta };
}

/** The item is the page at `path` or one of its ancestors in the URL tree (the header marks it current). */
export function isCurrentNavItem(node: NavNode, path: string): boolean {
  return (
    node.url !== null &&
    (node.url === path || (node.url !== '/' && path.startsWith(`${node.url.split('#')[0]}/`)))
  );
}

/**
 * Which top-level items are current at `path`, as a short key: the header's only path-dependent markup, so
 * two paths with the same key get the same header.
 */
export function currentNavKey(items: readonly NavNode[], path: string): string {
  return items.map((item) => (isCurrentNavItem(item, path) ? '1' : '0')).join('');
}
