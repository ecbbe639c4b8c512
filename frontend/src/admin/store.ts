import { create } from 'zustand';

/** UI state only (server state lives in TanStack Query): the chosen site, toasts, the board's selection. */

export interface Toast {
  id: number;
  tone: 'error' | 'success';
  text: string;
}

interface AdminUi {
  siteId: string | null;
  toasts: Toast[];
  selected: Set<string>;
  campaignFilter: string | null;
  flagFilter: BoardFlag | null;
  cityFilter: string;
  chooseSite(userId: string, siteId: string): void;
  toast(tone: Toast['tone'], text: string): void;
  dismiss(id: number): void;
  toggle(articleId: string): void;
  clearSelection(): void;
  filterCampaign(campaignId: string | null): void;
  filterFlag(flag: BoardFlag | null): void;
  filterCity(city: string): void;
}

export type BoardFlag = 'short' | 'near_duplicate';

let nextToast = 1;
const siteKey = (userId: string) => `spark-admin-site:${userId}`;

/** The site a user worked on last, if they may still act on it; else their first site. */
export function rememberedSite(userId: string, siteIds: string[]): string | null {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(siteKey(userId));
  } catch {
    stored = null; // storage disabled: fall back to the first site
  }
  return stored && siteIds.includes(stored) ? stored : (siteIds[0] ?? null);
}

export const useAdminUi = create<AdminUi>((set) => ({
  siteId: null,
  toasts: [],
  selected: new Set(),
  campaignFilter: null,
  flagFilter: null,
  cityFilter: '',
  chooseSite(userId, siteId) {
    try {
      window.localStorage.setItem(siteKey(userId), siteId);
    } catch {
      // not remembered; the choice still holds for this page
    }
    set({ siteId, selected: new Set(), campaignFilter: null, flagFilter: null, cityFilter: '' });
  },
  toast(tone, text) {
    const id = nextToast++;
    set((state) => ({ toasts: [...state.toasts.slice(-3), { id, tone, text }] }));
    setTimeout(() => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })), 8000);
  },
  dismiss(id) {
    set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
  },
  toggle(articleId) {
    set((state) => {
      const selected = new Set(state.selected);
      if (selected.has(articleId)) selected.delete(articleId);
      else selected.add(articleId);
      return { selected };
    });
  },
  clearSelection() {
    set({ selected: new Set() });
  },
  filterCampaign(campaignId) {
    set({ campaignFilter: campaignId, selected: new Set() });
  },
  filterFlag(flag) {
    set({ flagFilter: flag, selected: new Set() });
  },
  filterCity(city) {
    set({ cityFilter: city, selected: new Set() });
  },
}));
