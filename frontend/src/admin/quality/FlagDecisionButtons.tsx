import { QualityDecisionResultSchema } from '@spark/contracts/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Button } from '../ui/primitives.js';

/** Resolve or dismiss one open flag; the lists and the board refresh afterwards. */
export function FlagDecisionButtons({
  siteId,
  flagId,
  resolveLabel,
  subject,
}: {
  siteId: string;
  flagId: string;
  resolveLabel: string;
  /** Names the flag for screen readers, since every row has the same two buttons. */
  subject: string;
}) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const decide = useMutation({
    mutationFn: (decision: 'resolve' | 'dismiss') =>
      api(`/api/admin/quality/flags/${flagId}/decision`, QualityDecisionResultSchema, {
        method: 'POST',
        json: { decision },
      }),
    onSuccess: (answer) =>
      toast(
        'success',
        answer.data.status === 'ignored'
          ? 'Dismissed as a false positive'
          : answer.data.returned_article_id
            ? 'Resolved: the newer article is back in review'
            : 'Resolved',
      ),
    onSettled: () => client.invalidateQueries({ queryKey: siteKey(siteId) }),
  });
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        tone="primary"
        disabled={decide.isPending}
        onClick={() => decide.mutate('resolve')}
        aria-label={`${resolveLabel}: ${subject}`}
      >
        {resolveLabel}
      </Button>
      <Button
        disabled={decide.isPending}
        onClick={() => decide.mutate('dismiss')}
        aria-label={`Dismiss: ${subject}`}
      >
        Dismiss
      </Button>
    </div>
  );
}
