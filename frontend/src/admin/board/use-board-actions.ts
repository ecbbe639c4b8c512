import { ApproveResultSchema, PublishResultSchema, ReturnedResultSchema } from '@spark/contracts/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';

export type BoardAction =
  | { kind: 'approve'; ids: string[] }
  | { kind: 'publish'; ids: string[] }
  | { kind: 'schedule'; ids: string[]; at: string }
  | { kind: 'spread'; ids: string[] }
  | { kind: 'review'; ids: string[] };

function run(action: BoardAction): Promise<string> {
  if (action.kind === 'review') {
    return api('/api/seo/return-to-review', ReturnedResultSchema, {
      method: 'POST',
      json: { article_ids: action.ids },
    }).then(
      (r) =>
        `${r.returned} back in review${r.skipped ? `, ${r.skipped} skipped (published or in review)` : ''}`,
    );
  }
  if (action.kind === 'approve') {
    return api('/api/seo/approve-batch', ApproveResultSchema, {
      method: 'POST',
      json: { article_ids: action.ids },
    }).then((r) => `${r.approved} approved${r.skipped ? `, ${r.skipped} skipped (not in review)` : ''}`);
  }
  const json =
    action.kind === 'schedule'
      ? { article_ids: action.ids, publish_at: new Date(action.at).toISOString() }
      : { article_ids: action.ids, velocity: action.kind === 'spread' };
  return api('/api/seo/publish-article', PublishResultSchema, { method: 'POST', json }).then(
    (r) =>
      [
        r.published ? `${r.published} published` : '',
        r.scheduled
          ? `${r.scheduled} scheduled${r.last_publish_at ? ` until ${new Date(r.last_publish_at).toLocaleDateString()}` : ''}`
          : '',
        r.skipped ? `${r.skipped} skipped (not approved)` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'Nothing to do',
  );
}

/** One mutation for every board action; the board's columns and campaign counts refresh afterwards. */
export function useBoardActions(siteId: string) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const clearSelection = useAdminUi((state) => state.clearSelection);
  return useMutation({
    mutationFn: run,
    onSuccess: (summary) => {
      toast('success', summary);
      clearSelection();
    },
    onSettled: () => client.invalidateQueries({ queryKey: siteKey(siteId) }),
  });
}
