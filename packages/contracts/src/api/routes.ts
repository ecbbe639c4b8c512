import { z } from 'zod';
import {
  ApproveResultSchema,
  BoardColumnSchema,
  BoardQuerySchema,
  PublishResultSchema,
  ReturnedResultSchema,
} from '../admin/articles.js';
import {
  CampaignDeletedSchema,
  CampaignDetailSchema,
  CampaignListSchema,
  CampaignOptionsSchema,
  CampaignSavedSchema,
  HeadlinePreviewSchema,
  HeadlinesPersistedSchema,
  PlaceQuerySchema,
  PlaceSearchSchema,
} from '../admin/campaigns.js';
import {
  AnalyticsReportQuerySchema,
  AnalyticsReportSchema,
  DashboardQuerySchema,
  DashboardSchema,
} from '../admin/insights.js';
import {
  AnalysisJobStartedSchema,
  JobCancelledSchema,
  JobListQuerySchema,
  JobListSchema,
  JobRetriedSchema,
  JobSchema,
  JobStartedSchema,
  ProcessQueueQueuedSchema,
  ProcessQueueRunSchema,
} from '../admin/jobs.js';
import {
  LibraryCollectionParamsSchema,
  LibraryDeletedSchema,
  LibraryItemParamsSchema,
  LibraryItemSchema,
  LibraryListQuerySchema,
  LibraryPageSchema,
  LibrarySiteQuerySchema,
  LibraryWriteBodySchema,
  LocationPageSchema,
  LocationQuerySchema,
} from '../admin/library.js';
import {
  QueueHealthSchema,
  QueueJobParamsSchema,
  QueueJobRetriedSchema,
  ServiceHealthSchema,
} from '../admin/operations.js';
import {
  LinksReportQuerySchema,
  LinksReportSchema,
  QualityDecisionResultSchema,
  QualityDecisionSchema,
  QualityFlagPageSchema,
  QualityFlagsQuerySchema,
} from '../admin/quality.js';
import { AdminSessionSchema, SignInSchema } from '../admin/session.js';
import {
  ApproveBatchSchema,
  CampaignCreateSchema,
  CampaignListQuerySchema,
  CampaignPatchSchema,
  GenerateArticleSchema,
  GenerateHeadlinesSchema,
  InsertLinksSchema,
  ProcessQueueSchema,
  PublishArticleSchema,
  ReturnToReviewSchema,
  ScanDuplicatesSchema,
} from '../factory.js';
import {
  AnalyticsSummaryQuerySchema,
  AnalyticsSummarySchema,
  HealthSchema,
  ImportBlueprintBodySchema,
  ImportReportSchema,
  SignedOutSchema,
  SiteScopeQuerySchema,
  WorklogPageSchema,
  WorklogQuerySchema,
} from './admin.js';
import {
  LeadDetailSchema,
  LeadListQuerySchema,
  LeadListSchema,
  LeadNoteCreatedSchema,
  LeadNoteCreateSchema,
  LeadRedeliverSchema,
  LeadRedeliveryQueuedSchema,
  LeadStatusChangeSchema,
  LeadsExportQuerySchema,
} from './admin-leads.js';
import { formSubmitBodySchema, leadBodySchema, SubmissionAnswerSchema } from './leads.js';
import {
  conversionBodySchema,
  eventBodySchema,
  pageviewBodySchema,
  TrackingOutcomeSchema,
} from './tracking.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route. `public`: anyone (site routes rate-limit per address and site); `admin`: a Directus
 * token or the admin session cookie, held to the principal's sites. God-mode operations are Directus endpoints
 * of the extension bundle, not routes of this table.
 */
export type RouteAuth = 'public' | 'admin';

/** Which hosts answer: `site` = a tenant's domain (the Host header names the site), `platform` = the platform host. */
export type RouteHost = 'site' | 'platform' | 'any';

/** A body that is not JSON, described by its media type. */
export interface MediaBody {
  mediaType: 'text/csv' | 'text/event-stream' | 'text/html';
  description: string;
}

/** A success answer: a JSON schema, a non-JSON body, or `redirect` (303 with Location, no body). */
export type ResponseBody = z.ZodTypeAny | MediaBody | 'redirect';

export interface ApiRouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `{id}` marks a path parameter. */
  path: string;
  auth: RouteAuth;
  host: RouteHost;
  summary: string;
  params?: z.AnyZodObject;
  query?: z.ZodTypeAny;
  body?: z.ZodTypeAny;
  /** Every success status the route answers with, and its body. Errors always use the error envelope. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 303, ResponseBody>>;
}

const idParams = z.object({ id: z.string().uuid() }).strict();

const admin = { auth: 'admin', host: 'any' } as const;
const site = { auth: 'public', host: 'site' } as const;

const trackRoute = (kind: 'pageview' | 'event' | 'conversion', body: z.ZodTypeAny, summary: string) =>
  ({
    method: 'POST',
    path: `/api/track/${kind}`,
    ...site,
    summary,
    body,
    responses: { 202: TrackingOutcomeSchema },
  }) as const;

/**
 * Every route under `/api`: the contract shared by the route files (which take their schemas from here), the
 * OpenAPI document, API clients and the tenant-isolation suite. Keys are `METHOD path`.
 */
export const API_ROUTES = {
  'GET /api/health': {
    method: 'GET',
    path: '/api/health',
    auth: 'public',
    host: 'any',
    summary:
      'Liveness of Directus, PostgreSQL and Redis: 200 when all answer, else 503. Only HEALTH_TOKEN or an admin token (Bearer) sees which service is down.',
    responses: { 200: HealthSchema },
  },
  'GET /api/docs': {
    method: 'GET',
    path: '/api/docs',
    auth: 'public',
    host: 'platform',
    summary: 'This API reference as a page.',
    responses: { 200: { mediaType: 'text/html', description: 'The interactive API reference' } },
  },
  'GET /api/docs/openapi.json': {
    method: 'GET',
    path: '/api/docs/openapi.json',
    auth: 'public',
    host: 'platform',
    summary: 'The OpenAPI 3.1 document of every route.',
    responses: {
      200: z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).passthrough(),
    },
  },
  'POST /api/lead': {
    method: 'POST',
    path: '/api/lead',
    ...site,
    summary:
      'A lead for a named form of the site, or the built-in contact fields; as JSON or a plain HTML form post (answered with a 303 to the thank-you page).',
    body: leadBodySchema,
    responses: { 200: SubmissionAnswerSchema, 303: 'redirect' },
  },
  'POST /api/forms/submit': {
    method: 'POST',
    path: '/api/forms/submit',
    ...site,
    summary:
      'A submission of one of the site’s forms; as JSON or a plain HTML form post (answered with a 303 to the thank-you page).',
    body: formSubmitBodySchema,
    responses: { 200: SubmissionAnswerSchema, 303: 'redirect' },
  },
  'POST /api/track/pageview': trackRoute('pageview', pageviewBodySchema, 'Counts a pageview of the site.'),
  'POST /api/track/event': trackRoute('event', eventBodySchema, 'Counts a named event with optional props.'),
  'POST /api/track/conversion': trackRoute(
    'conversion',
    conversionBodySchema,
    'Counts a conversion (lead, signup, purchase, …) with an optional value.',
  ),
  'POST /api/admin/session': {
    method: 'POST',
    path: '/api/admin/session',
    auth: 'public',
    host: 'any',
    summary:
      'Signs in with the Directus account: the tokens stay on the server, the browser gets an httpOnly session cookie.',
    body: SignInSchema,
    responses: { 200: AdminSessionSchema },
  },
  'GET /api/admin/session': {
    method: 'GET',
    path: '/api/admin/session',
    ...admin,
    summary: 'Who is signed in, and the sites they may act on.',
    responses: { 200: AdminSessionSchema },
  },
  'DELETE /api/admin/session': {
    method: 'DELETE',
    path: '/api/admin/session',
    ...admin,
    summary: 'Signs out (CSRF-checked like every cookie write) and revokes the Directus session.',
    responses: { 200: SignedOutSchema },
  },
  'GET /api/admin/campaign-options': {
    method: 'GET',
    path: '/api/admin/campaign-options',
    ...admin,
    summary: 'Avatars, templates (with fragment types) and states a campaign of the site can use, by name.',
    query: SiteScopeQuerySchema,
    responses: { 200: CampaignOptionsSchema },
  },
  'GET /api/admin/places': {
    method: 'GET',
    path: '/api/admin/places',
    ...admin,
    summary: 'Counties or cities whose name starts with `q`, optionally within one state, biggest first.',
    query: PlaceQuerySchema,
    responses: { 200: PlaceSearchSchema },
  },
  'POST /api/admin/import-blueprint': {
    method: 'POST',
    path: '/api/admin/import-blueprint',
    ...admin,
    summary:
      'Site blueprint JSON → site, globals, navigation, pages, posts, forms, library; one transaction, idempotent.',
    body: ImportBlueprintBodySchema,
    responses: { 200: ImportReportSchema },
  },
  'GET /api/admin/leads.csv': {
    method: 'GET',
    path: '/api/admin/leads.csv',
    ...admin,
    summary: 'The site’s leads as a spreadsheet-safe CSV download.',
    query: LeadsExportQuerySchema,
    responses: { 200: { mediaType: 'text/csv', description: 'One row per lead, formula-safe' } },
  },
  'GET /api/admin/leads': {
    method: 'GET',
    path: '/api/admin/leads',
    ...admin,
    summary:
      'The site’s leads, filtered (search, status, form, UTM source, days), sorted and paginated (limit/offset) with the total.',
    query: LeadListQuerySchema,
    responses: { 200: LeadListSchema },
  },
  'GET /api/admin/leads/{id}': {
    method: 'GET',
    path: '/api/admin/leads/{id}',
    ...admin,
    summary:
      'One lead: every field, attribution, consent, webhook deliveries, notes and its work-log history.',
    params: idParams,
    responses: { 200: LeadDetailSchema },
  },
  'PATCH /api/admin/leads/{id}': {
    method: 'PATCH',
    path: '/api/admin/leads/{id}',
    ...admin,
    summary: 'Moves the lead to another status, optionally with a note; both are written to the work log.',
    params: idParams,
    body: LeadStatusChangeSchema,
    responses: { 200: LeadDetailSchema },
  },
  'POST /api/admin/leads/{id}/notes': {
    method: 'POST',
    path: '/api/admin/leads/{id}/notes',
    ...admin,
    summary: 'Adds a note to the lead, with its author and time; written to the work log.',
    params: idParams,
    body: LeadNoteCreateSchema,
    responses: { 201: LeadNoteCreatedSchema },
  },
  'POST /api/admin/leads/{id}/redeliver': {
    method: 'POST',
    path: '/api/admin/leads/{id}/redeliver',
    ...admin,
    summary:
      'Sends the lead’s webhook again (a failed or delivered submission): queued for the worker, signed like every delivery.',
    params: idParams,
    body: LeadRedeliverSchema,
    responses: { 202: LeadRedeliveryQueuedSchema },
  },
  'GET /api/admin/worklog': {
    method: 'GET',
    path: '/api/admin/worklog',
    ...admin,
    summary: 'Activity log, newest first, filtered and cursor-paginated; scoped to the caller’s sites.',
    query: WorklogQuerySchema,
    responses: { 200: WorklogPageSchema },
  },
  'GET /api/admin/library/{collection}': {
    method: 'GET',
    path: '/api/admin/library/{collection}',
    ...admin,
    summary:
      'A page of the site’s library rows and the shared ones (read through Directus with the caller’s own token).',
    params: LibraryCollectionParamsSchema,
    query: LibraryListQuerySchema,
    responses: { 200: LibraryPageSchema },
  },
  'POST /api/admin/library/{collection}': {
    method: 'POST',
    path: '/api/admin/library/{collection}',
    ...admin,
    summary: 'Creates a library row of the site through Directus, so the caller’s Directus policies apply.',
    params: LibraryCollectionParamsSchema,
    query: LibrarySiteQuerySchema,
    body: LibraryWriteBodySchema,
    responses: { 201: LibraryItemSchema },
  },
  'PATCH /api/admin/library/{collection}/{id}': {
    method: 'PATCH',
    path: '/api/admin/library/{collection}/{id}',
    ...admin,
    summary: 'Changes a library row through Directus; shared rows only for administrators.',
    params: LibraryItemParamsSchema,
    query: LibrarySiteQuerySchema,
    body: LibraryWriteBodySchema,
    responses: { 200: LibraryItemSchema },
  },
  'DELETE /api/admin/library/{collection}/{id}': {
    method: 'DELETE',
    path: '/api/admin/library/{collection}/{id}',
    ...admin,
    summary: 'Deletes a library row through Directus; shared rows only for administrators.',
    params: LibraryItemParamsSchema,
    query: LibrarySiteQuerySchema,
    responses: { 200: LibraryDeletedSchema },
  },
  'GET /api/admin/locations': {
    method: 'GET',
    path: '/api/admin/locations',
    ...admin,
    summary:
      'The gazetteer: states, a state’s counties, a county’s cities, or cities by name prefix; paginated.',
    query: LocationQuerySchema,
    responses: { 200: LocationPageSchema },
  },
  'GET /api/admin/dashboard': {
    method: 'GET',
    path: '/api/admin/dashboard',
    ...admin,
    summary:
      'Landing figures for one site, or every site the caller may see without `site_id`: 30 days of traffic (from the rollups), leads this week, articles by status, unfinished jobs, recent work, open quality flags.',
    query: DashboardQuerySchema,
    responses: { 200: DashboardSchema },
  },
  'GET /api/admin/analytics': {
    method: 'GET',
    path: '/api/admin/analytics',
    ...admin,
    summary:
      'The analytics page for a site and UTC day range (at most 366 days): the summary’s figures, zero-filled daily and (up to two days) hourly series, the previous period, the funnel to leads and event properties.',
    query: AnalyticsReportQuerySchema,
    responses: { 200: AnalyticsReportSchema },
  },
  'GET /api/admin/quality/flags': {
    method: 'GET',
    path: '/api/admin/quality/flags',
    ...admin,
    summary:
      'Near-duplicate pairs (both articles with the shared passage) or short articles of a site, by status, paginated.',
    query: QualityFlagsQuerySchema,
    responses: { 200: QualityFlagPageSchema },
  },
  'POST /api/admin/quality/flags/{id}/decision': {
    method: 'POST',
    path: '/api/admin/quality/flags/{id}/decision',
    ...admin,
    summary:
      'Resolves (the newer article of a pair returns to review) or dismisses an open quality flag, with a work-log entry.',
    params: idParams,
    body: QualityDecisionSchema,
    responses: { 200: QualityDecisionResultSchema },
  },
  'GET /api/admin/links': {
    method: 'GET',
    path: '/api/admin/links',
    ...admin,
    summary:
      'The internal-links report of a campaign: outgoing links per article, orphans, and the latest insert-links run.',
    query: LinksReportQuerySchema,
    responses: { 200: LinksReportSchema },
  },
  'GET /api/admin/queues': {
    method: 'GET',
    path: '/api/admin/queues',
    ...admin,
    summary:
      'Administrators only: waiting / active / delayed / failed per queue, connected workers, and recent failed jobs.',
    responses: { 200: QueueHealthSchema },
  },
  'POST /api/admin/queues/{queue}/jobs/{id}/retry': {
    method: 'POST',
    path: '/api/admin/queues/{queue}/jobs/{id}/retry',
    ...admin,
    summary: 'Administrators only: moves a failed job of a queue back to waiting.',
    params: QueueJobParamsSchema,
    responses: { 200: QueueJobRetriedSchema },
  },
  'GET /api/admin/services': {
    method: 'GET',
    path: '/api/admin/services',
    ...admin,
    summary: 'Administrators only: database, Redis, Directus and worker health with latencies.',
    responses: { 200: ServiceHealthSchema },
  },
  'GET /api/analytics/summary': {
    method: 'GET',
    path: '/api/analytics/summary',
    ...admin,
    summary: 'The site’s dashboard figures for a UTC day range (at most 366 days), from the daily rollups.',
    query: AnalyticsSummaryQuerySchema,
    responses: { 200: AnalyticsSummarySchema },
  },
  'GET /api/campaigns': {
    method: 'GET',
    path: '/api/campaigns',
    ...admin,
    summary: 'Campaigns of the caller’s sites, newest first.',
    query: CampaignListQuerySchema,
    responses: { 200: CampaignListSchema },
  },
  'POST /api/campaigns': {
    method: 'POST',
    path: '/api/campaigns',
    ...admin,
    summary: 'Creates a campaign; bad spintax and unknown variables are a 422 naming line and column.',
    body: CampaignCreateSchema,
    responses: { 201: CampaignSavedSchema },
  },
  'GET /api/campaigns/{id}': {
    method: 'GET',
    path: '/api/campaigns/{id}',
    ...admin,
    summary: 'One campaign with its inventory and article counts by status.',
    params: idParams,
    responses: { 200: CampaignDetailSchema },
  },
  'PATCH /api/campaigns/{id}': {
    method: 'PATCH',
    path: '/api/campaigns/{id}',
    ...admin,
    summary:
      'Changes some fields; the merged campaign is validated as a whole (spintax, references, completeness).',
    params: idParams,
    body: CampaignPatchSchema,
    responses: { 200: CampaignSavedSchema },
  },
  'DELETE /api/campaigns/{id}': {
    method: 'DELETE',
    path: '/api/campaigns/{id}',
    ...admin,
    summary: 'Deletes the campaign (its inventory goes with it; generated articles and job history stay).',
    params: idParams,
    responses: { 200: CampaignDeletedSchema },
  },
  'POST /api/seo/generate-headlines': {
    method: 'POST',
    path: '/api/seo/generate-headlines',
    ...admin,
    summary:
      'With `preview`: the exact count and seeded samples, nothing written. Otherwise fills the headline inventory.',
    body: GenerateHeadlinesSchema,
    responses: { 200: z.union([HeadlinePreviewSchema, HeadlinesPersistedSchema]) },
  },
  'POST /api/seo/generate-article': {
    method: 'POST',
    path: '/api/seo/generate-article',
    ...admin,
    summary: 'Reserves `count` headlines, creates a generation job and enqueues it.',
    body: GenerateArticleSchema,
    responses: { 202: JobStartedSchema },
  },
  'GET /api/seo/jobs': {
    method: 'GET',
    path: '/api/seo/jobs',
    ...admin,
    summary: 'Every job of a site, newest first, paginated (limit/offset) with the total.',
    query: JobListQuerySchema,
    responses: { 200: JobListSchema },
  },
  'GET /api/seo/jobs/{id}': {
    method: 'GET',
    path: '/api/seo/jobs/{id}',
    ...admin,
    summary: 'A job’s status and progress.',
    params: idParams,
    responses: { 200: JobSchema },
  },
  'GET /api/seo/jobs/{id}/stream': {
    method: 'GET',
    path: '/api/seo/jobs/{id}/stream',
    ...admin,
    summary: 'Server-sent events: `progress` (a job) on every change, `end` when the job is finished.',
    params: idParams,
    responses: { 200: { mediaType: 'text/event-stream', description: '`progress` and `end` events' } },
  },
  'POST /api/seo/jobs/{id}/cancel': {
    method: 'POST',
    path: '/api/seo/jobs/{id}/cancel',
    ...admin,
    summary: 'Stops an unfinished job between batches and returns its unused headlines to the inventory.',
    params: idParams,
    responses: { 200: JobCancelledSchema },
  },
  'POST /api/seo/jobs/{id}/retry': {
    method: 'POST',
    path: '/api/seo/jobs/{id}/retry',
    ...admin,
    summary: 'Queues a failed or cancelled job again for the articles it has not made yet.',
    params: idParams,
    responses: { 200: JobRetriedSchema },
  },
  'GET /api/seo/articles': {
    method: 'GET',
    path: '/api/seo/articles',
    ...admin,
    summary:
      'One review-board column: a site’s articles in one status, paginated, optionally of one campaign.',
    query: BoardQuerySchema,
    responses: { 200: BoardColumnSchema },
  },
  'POST /api/seo/approve-batch': {
    method: 'POST',
    path: '/api/seo/approve-batch',
    ...admin,
    summary: 'qc → approved, by article ids or by generation job.',
    body: ApproveBatchSchema,
    responses: { 200: ApproveResultSchema },
  },
  'POST /api/seo/publish-article': {
    method: 'POST',
    path: '/api/seo/publish-article',
    ...admin,
    summary:
      'approved → published now, or scheduled (publish_at, or the campaign’s velocity); articles with open quality flags are held back and listed unless overridden.',
    body: PublishArticleSchema,
    responses: { 200: PublishResultSchema },
  },
  'POST /api/seo/return-to-review': {
    method: 'POST',
    path: '/api/seo/return-to-review',
    ...admin,
    summary: 'approved or scheduled → back to review (qc).',
    body: ReturnToReviewSchema,
    responses: { 200: ReturnedResultSchema },
  },
  'POST /api/seo/process-queue': {
    method: 'POST',
    path: '/api/seo/process-queue',
    ...admin,
    summary:
      'Publishes due scheduled articles and advances pending jobs now, for the caller’s sites: 200 with the counts, or 202 when the run outlasts the wait.',
    body: ProcessQueueSchema,
    responses: { 200: ProcessQueueRunSchema, 202: ProcessQueueQueuedSchema },
  },
  'POST /api/seo/scan-duplicates': {
    method: 'POST',
    path: '/api/seo/scan-duplicates',
    ...admin,
    summary: 'Starts a near-duplicate scan (MinHash/LSH) of a site or campaign.',
    body: ScanDuplicatesSchema,
    responses: { 202: AnalysisJobStartedSchema },
  },
  'POST /api/seo/insert-links': {
    method: 'POST',
    path: '/api/seo/insert-links',
    ...admin,
    summary: 'Starts internal linking of a campaign’s articles.',
    body: InsertLinksSchema,
    responses: { 202: AnalysisJobStartedSchema },
  },
} as const satisfies Record<string, ApiRouteSpec>;

export type ApiRouteKey = keyof typeof API_ROUTES;

/** The table as a list, in its order. */
export const apiRoutes = (): [ApiRouteKey, ApiRouteSpec][] =>
  Object.entries(API_ROUTES) as [ApiRouteKey, ApiRouteSpec][];

export const isMediaBody = (body: ResponseBody | undefined): body is MediaBody =>
  typeof body === 'object' && body !== null && 'mediaType' in body;

/** The route a request path answers to (`/api/campaigns/5f…` → `GET /api/campaigns/{id}`), if any. */
export function matchApiRoute(method: string, pathname: string): [ApiRouteKey, ApiRouteSpec] | undefined {
  return apiRoutes().find(([, spec]) => spec.method === method && pathPattern(spec.path).test(pathname));
}

const pathPattern = (path: string) =>
  new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^/}]+\}/g, '[^/]+')}$`);
