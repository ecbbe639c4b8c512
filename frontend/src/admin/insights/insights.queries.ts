import { AnalyticsReportSchema, DashboardSchema } from '@spark/contracts/admin';
import type { DayRange } from '@spark/core';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';

/** `siteId` null: every site the user may see (the administrators' all-sites view). */
export const dashboardQuery = (siteId: string | null) =>
  queryOptions({
    queryKey: siteId ? [...siteKey(siteId), 'dashboard'] : ['all-sites', 'dashboard'],
    queryFn: ({ signal }) =>
      api(`/api/admin/dashboard${siteId ? `?site_id=${siteId}` : ''}`, DashboardSchema, { signal }),
    refetchInterval: 15_000,
  });

export const analyticsQuery = (siteId: string, range: DayRange) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'analytics', range.from, range.to],
    queryFn: ({ signal }) =>
      api(
        `/api/admin/analytics?${new URLSearchParams({ site_id: siteId, from: range.from, to: range.to })}`,
        AnalyticsReportSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
