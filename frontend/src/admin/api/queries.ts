import {
  BoardColumnSchema,
  type BoardStatus,
  CampaignDetailSchema,
  CampaignListSchema,
  CampaignOptionsSchema,
  HeadlinePreviewSchema,
  JobListSchema,
  JobSchema,
  PlaceSearchSchema,
} from '@spark/contracts/admin';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

/** Every key starts with the site, so switching sites never shows another site's cached data. */
export const siteKey = (siteId: string) => ['site', siteId] as const;

const qs = (params: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      value === undefined || value === null ? [] : [[key, String(value)]],
    ),
  ).toString();

export const campaignsQuery = (siteId: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'campaigns'],
    queryFn: ({ signal }) =>
      api(`/api/campaigns?${qs({ site_id: siteId, limit: 200 })}`, CampaignListSchema, { signal }),
  });

export const campaignQuery = (siteId: string, id: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'campaign', id],
    queryFn: ({ signal }) => api(`/api/campaigns/${id}`, CampaignDetailSchema, { signal }),
  });

export const campaignOptionsQuery = (siteId: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'campaign-options'],
    queryFn: ({ signal }) =>
      api(`/api/admin/campaign-options?${qs({ site_id: siteId })}`, CampaignOptionsSchema, { signal }),
    staleTime: 5 * 60_000,
  });

export const placesQuery = (siteId: string, kind: 'county' | 'city', q: string, stateId: string | null) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'places', kind, q, stateId],
    queryFn: ({ signal }) =>
      api(`/api/admin/places?${qs({ site_id: siteId, kind, q, state_id: stateId })}`, PlaceSearchSchema, {
        signal,
      }),
    staleTime: 5 * 60_000,
  });

/** The draft's exact count and samples; the body is part of the key, so each distinct text is asked once. */
export const previewQuery = (siteId: string, draft: Record<string, unknown>, seed: number) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'preview', draft, seed],
    queryFn: ({ signal }) =>
      api('/api/seo/generate-headlines', HeadlinePreviewSchema, {
        method: 'POST',
        json: { preview: true, limit: 5, seed, draft: { ...draft, site_id: siteId } },
        signal,
      }),
    retry: false,
    placeholderData: (previous) => previous,
  });

export const jobsQuery = (siteId: string, page: number, pageSize = 20) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'jobs', page, pageSize],
    queryFn: ({ signal }) =>
      api(
        `/api/seo/jobs?${qs({ site_id: siteId, limit: pageSize, offset: page * pageSize })}`,
        JobListSchema,
        {
          signal,
        },
      ),
  });

export const jobQuery = (siteId: string, id: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'job', id],
    queryFn: ({ signal }) => api(`/api/seo/jobs/${id}`, JobSchema, { signal }),
  });

export interface BoardFilters {
  campaignId: string | null;
  flag: string | null;
  city: string;
}

export const boardColumnQuery = (
  siteId: string,
  status: BoardStatus,
  filters: BoardFilters,
  page: number,
  pageSize = 20,
) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'board', status, filters, page, pageSize],
    queryFn: ({ signal }) =>
      api(
        `/api/seo/articles?${qs({
          site_id: siteId,
          status,
          campaign_id: filters.campaignId,
          flag: filters.flag,
          city: filters.city.trim() || null,
          limit: pageSize,
          offset: page * pageSize,
        })}`,
        BoardColumnSchema,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });

/** The saved campaign's space: how many headlines it can make at all. */
export const savedSpaceQuery = (siteId: string, campaignId: string) =>
  queryOptions({
    queryKey: [...siteKey(siteId), 'campaign', campaignId, 'space'],
    queryFn: ({ signal }) =>
      api('/api/seo/generate-headlines', HeadlinePreviewSchema, {
        method: 'POST',
        json: { preview: true, limit: 1, campaign_id: campaignId },
        signal,
      }),
    retry: false,
  });
