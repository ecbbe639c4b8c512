import {
  LinksReportSchema,
  QualityFlagPageSchema,
  QueueHealthSchema,
  ServiceHealthSchema,
} from '@spark/contracts/admin';
import { WorklogPageSchema } from '@spark/contracts/api';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import { siteKey } from './queries.js';

/** Query options of the quality, links and operations pages. */

export type FlagType = 'near_duplicate' | 'short';
export type FlagStatus = 'open' | 'resolved' | 'ignored';

export const qualityFlagsQuery = (
  siteId: string,
  type: FlagType,
  status: FlagStatus,
  page: number,
  pageSize: number,
) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'quality-flags', type, status, page],
    queryFn: ({ signal }) =>
      api(
        `/api/admin/quality/flags?${new URLSearchParams({
          site_id: siteId,
          type,
          status,
          limit: String(pageSize),
          offset: String(page * pageSize),
        })}`,
        QualityFlagPageSchema,
        { signal },
      ),
  });

export const linksReportQuery = (siteId: string, campaignId: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'links-report', campaignId],
    queryFn: ({ signal }) =>
      api(`/api/admin/links?campaign_id=${encodeURIComponent(campaignId)}`, LinksReportSchema, { signal }),
  });

export const worklogQueryOptions = (siteId: string, search: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'worklog', search],
    queryFn: ({ signal }) => api(`/api/admin/worklog?${search}`, WorklogPageSchema, { signal }),
  });

/** Platform-wide, not per site: administrators only. */
export const queueHealthQuery = () =>
  queryOptions({
    queryKey: ['platform', 'queues'],
    queryFn: ({ signal }) => api('/api/admin/queues', QueueHealthSchema, { signal }),
    refetchInterval: 5000,
  });

export const serviceHealthQuery = () =>
  queryOptions({
    queryKey: ['platform', 'services'],
    queryFn: ({ signal }) => api('/api/admin/services', ServiceHealthSchema, { signal }),
    refetchInterval: 15_000,
  });
