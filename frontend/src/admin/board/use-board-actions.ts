import {
  ApproveResultSchema,
  type ArticleCard,
  type BoardColumn,
  type BoardStatus,
  type HeldBackArticle,
  PublishResultSchema,
  ReturnedResultSchema,
} from '@spark/contracts/admin';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { applyBoardMove } from './optimistic-moves.js';
import { describePublishResult } from './publish-summary.js';

/** `overrideIds`: publish or schedule these even with open quality flags (they must be among `ids`). */
export type BoardAction =
  | { kind: 'approve'; ids: string[] }
  | { kind: 'publish'; ids: string[]; overrideIds?: string[] }
  | { kind: 'schedule'; ids: string[]; at: string; overrideIds?: string[] }
  | { kind: 'spread'; ids: string[]; overrideIds?: string[] }
  | { kind: 'review'; ids: string[] };

export type PublishAction = Extract<BoardAction, { kind: 'publish' | 'schedule' | 'spread' }>;

/** What an action did: the toast text, and for publishing the articles the quality gate held back. */
export interface BoardActionOutcome {
  summary: string;
  action: BoardAction;
  held: HeldBackArticle[];
}

async function run(action: BoardAction): Promise<BoardActionOutcome> {
  if (action.kind === 'review') {
    const r = await api('/api/seo/return-to-review', ReturnedResultSchema, {
      method: 'POST',
      json: { article_ids: action.ids },
    });
    const summary = `${r.returned} back in review${r.skipped ? `, ${r.skipped} skipped (published or in review)` : ''}`;
    return { summary, action, held: [] };
  }
  if (action.kind === 'approve') {
    const r = await api('/api/seo/approve-batch', ApproveResultSchema, {
      method: 'POST',
      json: { article_ids: action.ids },
    });
    const summary = `${r.approved} approved${r.skipped ? `, ${r.skipped} skipped (not in review)` : ''}`;
    return { summary, action, held: [] };
  }
  const override = action.overrideIds?.length ? { override_article_ids: action.overrideIds } : {};
  const json =
    action.kind === 'schedule'
      ? { article_ids: action.ids, publish_at: new Date(action.at).toISOString(), ...override }
      : { article_ids: action.ids, velocity: action.kind === 'spread', ...override };
  const r = await api('/api/seo/publish-article', PublishResultSchema, { method: 'POST', json });
  return { summary: describePublishResult(r), action, held: r.held_back };
}

/**
 * One mutation for every board action. The cached columns move at once (drag, keyboard and bulk alike); an
 * error answer puts them back and says so, and either way the site's lists are refetched afterwards (which
 * also returns cards the quality gate held back to their column; `data.held` lists them for the override).
 */
export function useBoardActions(siteId: string) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const clearSelection = useAdminUi((state) => state.clearSelection);
  const boardKey = [...siteKey(siteId), 'board'];
  return useMutation({
    mutationFn: run,
    // The rollback toast below replaces the app-wide error toast.
    meta: { ownErrorToast: true },
    onMutate: async (action: BoardAction) => {
      await client.cancelQueries({ queryKey: boardKey });
      const snapshot = client.getQueriesData<BoardColumn>({ queryKey: boardKey });
      const known = new Map<string, ArticleCard>();
      for (const [, page] of snapshot) for (const card of page?.data ?? []) known.set(card.id, card);
      const cards = [...known.values()];
      const now = new Date().toISOString();
      for (const [key, page] of snapshot) {
        // Keys are [...site, 'board', status, filters, page, pageSize].
        const status = key[3] as BoardStatus;
        if (page) client.setQueryData(key, applyBoardMove(page, status, action, cards, now));
      }
      // The moved cards have left their column, so the selection goes with them now, not when the answer
      // comes (by then the user may have selected cards in the updated column).
      const selection = useAdminUi.getState().selected;
      clearSelection();
      return { snapshot, selection };
    },
    onError: (error, _action, context) => {
      for (const [key, page] of context?.snapshot ?? []) client.setQueryData(key as QueryKey, page);
      if (context) useAdminUi.setState({ selected: context.selection });
      toast('error', `Move undone: ${error.message}`);
    },
    onSuccess: ({ summary }) => toast('success', summary),
    onSettled: () => client.invalidateQueries({ queryKey: siteKey(siteId) }),
  });
}
