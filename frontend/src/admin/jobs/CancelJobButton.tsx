import { JobCancelledSchema } from '@spark/contracts/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Button } from '../ui/primitives.js';

/** Stops a running job between batches; its unused headlines return to the campaign. */
export function CancelJobButton({
  siteId,
  jobId,
  label = 'Cancel job',
}: {
  siteId: string;
  jobId: string;
  label?: string;
}) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const cancel = useMutation({
    mutationFn: () => api(`/api/seo/jobs/${jobId}/cancel`, JobCancelledSchema, { method: 'POST' }),
    onSuccess: (answer) =>
      toast('success', `Job cancelled; ${answer.data.headlines_returned} headlines returned`),
    onSettled: () => client.invalidateQueries({ queryKey: siteKey(siteId) }),
  });
  return (
    <Button tone="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
      {label}
    </Button>
  );
}
