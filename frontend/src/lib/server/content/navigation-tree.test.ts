import { describe, expect, it } from 'vitest';
import {
  buildNavigationTree,
  currentNavKey,
  isCurrentNavItem,
  type NavNode,
  splitHeaderNavigation,
} from './navigation-tree.js';
import type { NavigationRow } from './schemas.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number, label: string, parent: number | null, sort: number): NavigationRow => ({
  id: id(n),
  parent_id: parent === null ? null : id(parent),
  label,
  url: `/${label.toLowerCase()}`,
  sort,
  is_cta: false,
});

describe('buildNavigationTree', () => {
  it('nests children under their parent and orders siblings by sort', () => {
    const tree = buildNavigationTree([
      row(3, 'Blog', null, 2),
      row(1, 'Home', null, 0),
      row(2, 'Services', null, 1),
      row(5, 'Repair', 2, 1),
      row(4, 'Replacement', 2, 0),
    ]);
    expect(tree.map((n) => n.label)).toEqual(['Home', 'Services', 'Blog']);
    expect(tree[1]?.children.map((n) => n.label)).toEqual(['Replacement', 'Repair']);
  });

  it('drops items whose parent is not in the list instead of promoting them', () => {
    const tree = buildNavigationTree([row(1, 'Home', null, 0), row(2, 'Orphan', 99, 0)]);
    expect(tree.map((n) => n.label)).toEqual(['Home']);
  });

  it('stops at three levels and survives a parent cycle', () => {
    const tree = buildNavigationTree([
      row(1, 'A', null, 0),
      row(2, 'B', 1, 0),
      row(3, 'C', 2, 0),
      row(4, 'D', 3, 0),
      row(5, 'X', 6, 0),
      row(6, 'Y', 5, 0),
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.children[0]?.children[0]?.label).toBe('C');
    expect(tree[0]?.children[0]?.children[0]?.children).toEqual([]);
  });
});

describe('splitHeaderNavigation', () => {
  const node = (label: string, isCta = false, children: NavNode[] = []): NavNode => ({
    label,
    url: `/${label.toLowerCase()}`,
    isCta,
    children,
  });

  it('takes the flagged item out of the menu as the button, wherever it stands', () => {
    const { menu, cta } = splitHeaderNavigation([node('Home'), node('Quote', true), node('Blog')]);
    expect(cta?.label).toBe('Quote');
    expect(menu.map((item) => item.label)).toEqual(['Home', 'Blog']);
  });

  it('draws no button when nothing is flagged, even for a childless last item', () => {
    const { menu, cta } = splitHeaderNavigation([node('Home'), node('About'), node('Contact')]);
    expect(cta).toBeNull();
    expect(menu).toHaveLength(3);
  });

  it('never makes an item with children the button', () => {
    const { menu, cta } = splitHeaderNavigation([node('Services', true, [node('Repair')]), node('Home')]);
    expect(cta).toBeNull();
    expect(menu).toHaveLength(2);
  });
});

describe('isCurrentNavItem and currentNavKey', () => {
  const item = (url: string | null): NavNode => ({ label: url ?? 'none', url, isCta: false, children: [] });

  it('marks the item of the page itself and of its ancestors, never home for every page', () => {
    expect(isCurrentNavItem(item('/services'), '/services')).toBe(true);
    expect(isCurrentNavItem(item('/services'), '/services/repair')).toBe(true);
    expect(isCurrentNavItem(item('/services#top'), '/services/repair')).toBe(true);
    expect(isCurrentNavItem(item('/'), '/services')).toBe(false);
    expect(isCurrentNavItem(item('/'), '/')).toBe(true);
    expect(isCurrentNavItem(item('/service'), '/services')).toBe(false);
    expect(isCurrentNavItem(item(null), '/services')).toBe(false);
  });

  it('gives paths that mark the same items the same key, and others a different one', () => {
    const items = [item('/'), item('/services'), item('/blog')];
    expect(currentNavKey(items, '/roof-repair-austin')).toBe(currentNavKey(items, '/gutter-guide'));
    expect(currentNavKey(items, '/roof-repair-austin')).toBe('000');
    expect(currentNavKey(items, '/services/repair')).toBe('010');
    expect(currentNavKey(items, '/')).toBe('100');
  });
});
