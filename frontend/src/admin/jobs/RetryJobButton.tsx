import { JobRetriedSchema } from '@spark/contracts/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Button } from '../ui/primitives.js';

/** Queues a failed or cancelled job again for the articles it has left; the job keeps its id. */
export function RetryJobButton({
  siteId,
  jobId,
  left,
  onRetried,
}: {
  siteId: string;
  jobId: string;
  left: number;
  onRetried?: () => void;
}) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const retry = useMutation({
    mutationFn: () => api(`/api/seo/jobs/${jobId}/retry`, JobRetriedSchema, { method: 'POST' }),
    onSuccess: (answer) => {
      toast('success', `Job queued again for ${answer.data.headlines_reserved} articles`);
      onRetried?.();
    },
    onSettled: () => client.invalidateQueries({ queryKey: siteKey(siteId) }),
  });
  return (
    <Button onClick={() => retry.mutate()} disabled={retry.isPending}>
      Retry the {left} left
    </Button>
  );
}
