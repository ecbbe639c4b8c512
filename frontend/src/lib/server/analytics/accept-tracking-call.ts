import { randomUUID } from 'node:crypto';
import { AppError, type DropReason } from '@spark/contracts';
import type { ConversionBody, EventBody, PageviewBody } from '@spark/contracts/api';
import type { HeaderReader } from '../api/endpoint.js';
import type { RateLimit } from '../api/rate-limit.js';
import type { Tenant } from '../tenancy/resolve-tenant.js';
import { dropReasonFor } from './drop-rules.js';
import { pageContext } from './page-url.js';
import { appendEvent, countDrop, dailySalt } from './redis-pipeline.js';
import { siteAnalyticsSettings } from './site-settings.js';
import { summarizeUserAgentCached } from './user-agent.js';
import { visitorHash } from './visitor.js';

export type TrackingCall =
  | { kind: 'pageview'; body: PageviewBody }
  | { kind: 'event'; body: EventBody }
  | { kind: 'conversion'; body: ConversionBody };

export type TrackingOutcome = { accepted: true } | { accepted: false; reason: DropReason };

interface Caller {
  tenant: Tenant;
  ip: string;
  headers: HeaderReader;
}

/** Ten calls a second per visitor IP and site is far above what a person clicks, even behind an office NAT. */
export const TRACKING_RATE_LIMIT = { bucket: 'track', limit: 600, windowSeconds: 60 } satisfies RateLimit;

function kindFields(call: TrackingCall) {
  switch (call.kind) {
    case 'pageview':
      return {};
    case 'event':
      return { name: call.body.name.trim(), props: call.body.props ?? {} };
    case 'conversion':
      return {
        type: call.body.type,
        value: call.body.value === undefined ? null : Math.round(call.body.value * 100) / 100,
        currency: call.body.currency ?? null,
        lead_id: call.body.lead_id ?? null,
      };
  }
}

/**
 * Decides whether a tracking call is recorded, derives everything the dashboards need on the server (visitor
 * hash, device, referrer host, UTM tags) and appends it to the ingestion stream. The raw IP never leaves here.
 */
export async function acceptTrackingCall(call: TrackingCall, caller: Caller): Promise<TrackingOutcome> {
  const { tenant, ip, headers } = caller;
  const reason = dropReasonFor(headers, await siteAnalyticsSettings(tenant.id));
  if (reason) {
    countDrop(tenant.id, reason);
    return { accepted: false, reason };
  }
  const referrer = call.kind === 'pageview' ? call.body.referrer : null;
  const page = pageContext(call.body.url, referrer, [tenant.domain, ...tenant.domainAliases]);
  if (!page) {
    throw new AppError('VALIDATION_FAILED', 'Body is invalid — url: must be an http(s) page of this site', {
      issues: [{ path: 'url', message: 'must be an http(s) page of this site' }],
    });
  }
  const userAgent = headers.get('user-agent') ?? '';
  const visitor = visitorHash(await dailySalt(), tenant.id, ip, userAgent);
  const event = {
    kind: call.kind,
    event_id: call.body.id ?? randomUUID(),
    occurred_at: new Date().toISOString(),
    site_id: tenant.id,
    visitor_hash: visitor,
    ...page,
    ...summarizeUserAgentCached(userAgent),
    ...kindFields(call),
  };
  await appendEvent(tenant.id, visitor, JSON.stringify(event));
  return { accepted: true };
}
