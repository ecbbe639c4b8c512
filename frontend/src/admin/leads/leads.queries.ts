import {
  LeadDetailSchema,
  LeadListSchema,
  LeadRedeliveryQueuedSchema,
  type LeadStatus,
} from '@spark/contracts/admin';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { type LeadTableState, listPath } from './table-state.js';

export const leadsQuery = (siteId: string, state: LeadTableState, pageSize: number) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'leads', state, pageSize],
    queryFn: ({ signal }) => api(listPath(siteId, state, pageSize), LeadListSchema, { signal }),
    placeholderData: (previous) => previous,
  });

const leadKey = (siteId: string, id: string) => [...siteKey(siteId), 'lead', id] as const;

/** Refreshed every second while a delivery is on its way, so a redelivery's outcome shows by itself. */
export const leadQuery = (siteId: string, id: string) =>
  queryOptions({
    queryKey: leadKey(siteId, id),
    queryFn: ({ signal }) => api(`/api/admin/leads/${id}`, LeadDetailSchema, { signal }),
    refetchInterval: (query) =>
      query.state.data?.data.submissions.some((s) => s.webhook_status === 'pending') ? 1000 : false,
  });

export function useChangeStatus(siteId: string, id: string) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  return useMutation({
    mutationFn: (change: { status: LeadStatus; note?: string }) =>
      api(`/api/admin/leads/${id}`, LeadDetailSchema, { method: 'PATCH', json: change }),
    onSuccess: (answer) => {
      client.setQueryData(leadKey(siteId, id), answer);
      toast('success', 'Lead saved');
    },
    onSettled: () => client.invalidateQueries({ queryKey: [...siteKey(siteId), 'leads'] }),
  });
}

export function useRedeliver(siteId: string, id: string) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  return useMutation({
    mutationFn: (submissionId: string) =>
      api(`/api/admin/leads/${id}/redeliver`, LeadRedeliveryQueuedSchema, {
        method: 'POST',
        json: { submission_id: submissionId },
      }),
    onSuccess: () => toast('success', 'Webhook queued for delivery'),
    onSettled: () => client.invalidateQueries({ queryKey: leadKey(siteId, id) }),
  });
}
