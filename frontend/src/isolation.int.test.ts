import { readFileSync } from 'node:fs';
import { type ApiRouteKey, apiRoutes, matchApiRoute } from '@spark/contracts/api';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './testing/admin-session.js';
import { type ApiAnswer, type ApiRequest, callApi, editorToken, isErrorEnvelope } from './testing/http.js';

/**
 * The two-tenant isolation suite, generated from the route table: every route in API_ROUTES (and so every file
 * under pages/api, see route-table.test.ts) has at least one cross-site case, or the suite fails. Each case runs
 * both ways — alpha's principal (its site-scoped token, its session, its Host) against beta's ids, and beta's
 * against alpha's — must be refused in the envelope (unless the case says what else it may answer), and must
 * change nothing of the other site.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

interface Site {
  domain: string;
  site: string;
  campaign: string;
  article: string;
  job: string;
  lead: string;
  submission: string;
  dictionary: string;
  flag: string;
}

const sites: Record<'alpha' | 'beta', Site> = {
  alpha: {
    domain: 'alpha.localhost',
    site: '',
    campaign: '',
    article: '',
    job: '',
    lead: '',
    submission: '',
    dictionary: '',
    flag: '',
  },
  beta: {
    domain: 'beta.localhost',
    site: '',
    campaign: '',
    article: '',
    job: '',
    lead: '',
    submission: '',
    dictionary: '',
    flag: '',
  },
};

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const row = (await pool.query(sql, params)).rows[0] as T | undefined;
  if (!row) throw new Error(`no row for: ${sql}`);
  return row;
}

/** Everything an attempt on a site could have changed, as one comparable string. */
async function fingerprint(site: Site): Promise<string> {
  const { rows } = await pool.query(
    `select
       (select md5(s::text) from sites s where id = $1) as site,
       (select md5(string_agg(c::text, '' order by c.id)) from campaign_masters c where site_id = $1) as campaigns,
       (select md5(string_agg(a.status || coalesce(a.published_at::text, ''), '' order by a.id)) from generated_articles a where site_id = $1) as articles,
       (select md5(string_agg(j.id::text || j.status, '' order by j.id)) from generation_jobs j where site_id = $1) as jobs,
       (select count(*) from headline_inventory where site_id = $1) as headlines,
       (select md5(string_agg(q.id::text || q.status, '' order by q.id)) from quality_flags q where site_id = $1) as flags,
       (select count(*) from article_links where site_id = $1) as links,
       (select count(*) from leads where site_id = $1) as leads,
       (select count(*) from form_submissions where site_id = $1) as submissions,
       (select md5(string_agg(l.id::text || l.status, '' order by l.id)) from leads l where site_id = $1) as lead_states,
       (select md5(string_agg(s.id::text || s.webhook_status, '' order by s.id)) from form_submissions s where site_id = $1) as deliveries,
       (select count(*) from lead_notes where site_id = $1) as lead_notes,
       (select md5(string_agg(d::text, '' order by d.id)) from spintax_dictionaries d where site_id = $1) as dictionaries`,
    [site.site],
  );
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  for (const site of Object.values(sites)) {
    site.site = (await one<{ id: string }>('select id from sites where domain = $1', [site.domain])).id;
    site.campaign = (
      await one<{ id: string }>('select id from campaign_masters where site_id = $1 order by id limit 1', [
        site.site,
      ])
    ).id;
    site.dictionary = (
      await one<{ id: string }>(
        'select id from spintax_dictionaries where site_id = $1 order by id limit 1',
        [site.site],
      )
    ).id;
    site.job = (
      await one<{ id: string }>(
        `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
         values ($1, $2, 'generate_articles', 'failed', '{}', 1) returning id`,
        [site.site, site.campaign],
      )
    ).id;
    site.article = (
      await one<{ id: string }>(
        `insert into generated_articles (site_id, campaign_id, title, slug, html_content, status, generation_key)
         values ($1, $2, 'Isolation article', $3, '<p>isolation</p>', 'approved', $3) returning id`,
        [site.site, site.campaign, `isolation-${site.domain.split('.')[0]}-${Date.now()}`],
      )
    ).id;
    site.lead = (
      await one<{ id: string }>(
        `insert into leads (site_id, email, name) values ($1, $2, 'Isolation Lead') returning id`,
        [site.site, `isolation-${Date.now()}@${site.domain}`],
      )
    ).id;
    // A failed delivery: the one state a redelivery acts on.
    site.submission = (
      await one<{ id: string }>(
        `insert into form_submissions (site_id, lead_id, payload, webhook_status, webhook_attempts)
         values ($1, $2, '{}', 'failed', 1) returning id`,
        [site.site, site.lead],
      )
    ).id;
    site.flag = (
      await one<{ id: string }>(
        `insert into quality_flags (site_id, article_id, type, score) values ($1, $2, 'short', 12) returning id`,
        [site.site, site.article],
      )
    ).id;
  }
});

/** Who acts: the actor's site-scoped token (admin routes) and the actor's domain as Host (site routes). */
interface Actor {
  site: Site;
  token: string;
}

/** The calls a case made, so the suite can prove it exercised the route it is filed under. */
let calls: { method: string; path: string }[] = [];
function call<T = unknown>(path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
  calls.push({ method: request.method ?? 'GET', path: new URL(path, 'http://x').pathname });
  return callApi<T>(path, request);
}
const asEditor = (actor: Actor, path: string, request: ApiRequest = {}) =>
  call(path, { ...request, token: actor.token });

const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
};
const humanPaced = { elapsed_ms: 8000, honeypot: '' };

interface CrossSiteCase {
  name: string;
  run: (actor: Actor, target: Site) => Promise<ApiAnswer>;
  /** Default: refused with 403 or 404 in the envelope. */
  check?: (answer: ApiAnswer, actor: Actor, target: Site) => void | Promise<void>;
}

const refusedWith =
  (...statuses: number[]) =>
  (answer: ApiAnswer) => {
    expect(statuses, JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
    expect(isErrorEnvelope(answer.body)).toBe(true);
  };

/** The email of the last cross-site lead: where it landed, if it was stored at all. */
let leadEmail = '';
const leadBody = (target: Site) => {
  leadEmail = `cross-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  return {
    form: 'free-estimate',
    site_id: target.site,
    fields: { full_name: 'Cross Site', email: leadEmail, phone: '+1 512 555 0100', service: 'Inspection' },
    ...humanPaced,
  };
};

/** A site route acts for the Host's site whatever the body names: stored on the actor's site, or refused. */
const landsOnActorOnly = async (answer: ApiAnswer, actor: Actor) => {
  expect([200, 404, 422], JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
  const stored = await pool.query<{ site_id: string }>('select site_id from leads where email = $1', [
    leadEmail,
  ]);
  expect(stored.rows.map((row) => row.site_id)).toEqual(answer.status === 200 ? [actor.site.site] : []);
};

const otherSitePage = (target: Site) => `http://${target.domain}/`;

const blueprintOf = (site: Site) =>
  JSON.parse(
    readFileSync(
      new URL(`../../database/blueprints/${site.domain.split('.')[0]}.json`, import.meta.url),
      'utf8',
    ),
  ) as unknown;

/** Every route of the table: the type fails to compile when one is missing, and the suite checks it again. */
const crossSite: Record<ApiRouteKey, CrossSiteCase[]> = {
  'GET /api/health': [
    {
      name: 'a site editor’s token sees no service detail on the other site’s host',
      run: (actor, target) => call('/api/health', { host: target.domain, token: actor.token }),
      check: refusedWith(403),
    },
  ],
  'GET /api/docs': [
    {
      name: 'the other site’s host serves no platform reference',
      run: (_actor, target) => call('/api/docs', { host: target.domain }),
      check: refusedWith(404),
    },
  ],
  'GET /api/docs/openapi.json': [
    {
      name: 'the other site’s host serves no OpenAPI document',
      run: (_actor, target) => call('/api/docs/openapi.json', { host: target.domain }),
      check: refusedWith(404),
    },
  ],
  'POST /api/lead': [
    {
      name: 'a lead on the actor’s host naming the other site',
      run: (actor, target) =>
        call('/api/lead', { method: 'POST', host: actor.site.domain, json: leadBody(target) }),
      check: landsOnActorOnly,
    },
  ],
  'POST /api/forms/submit': [
    {
      name: 'a form submission on the actor’s host naming the other site',
      run: (actor, target) =>
        call('/api/forms/submit', { method: 'POST', host: actor.site.domain, json: leadBody(target) }),
      check: landsOnActorOnly,
    },
  ],
  'POST /api/track/pageview': [
    {
      name: 'a pageview of the other site’s page sent to the actor’s host',
      run: (actor, target) =>
        call('/api/track/pageview', {
          method: 'POST',
          host: actor.site.domain,
          headers: BROWSER,
          json: { url: otherSitePage(target) },
        }),
      check: refusedWith(422),
    },
  ],
  'POST /api/track/event': [
    {
      name: 'an event of the other site’s page sent to the actor’s host',
      run: (actor, target) =>
        call('/api/track/event', {
          method: 'POST',
          host: actor.site.domain,
          headers: BROWSER,
          json: { url: otherSitePage(target), name: 'click' },
        }),
      check: refusedWith(422),
    },
  ],
  'POST /api/track/conversion': [
    {
      name: 'a conversion of the other site’s page sent to the actor’s host',
      run: (actor, target) =>
        call('/api/track/conversion', {
          method: 'POST',
          host: actor.site.domain,
          headers: BROWSER,
          json: { url: otherSitePage(target), type: 'lead' },
        }),
      check: refusedWith(422),
    },
  ],
  'POST /api/admin/session': [
    {
      name: 'signing in as the actor’s editor offers only the actor’s site',
      run: async (actor) => {
        calls.push({ method: 'POST', path: '/api/admin/session' });
        return (await signInAs(actor.site.domain)).answer;
      },
      check: (answer, actor, target) => {
        expect(answer.status).toBe(200);
        const ids = (answer.body as { data: { sites: { id: string }[] } }).data.sites.map((s) => s.id);
        expect(ids).toEqual([actor.site.site]);
        expect(ids).not.toContain(target.site);
      },
    },
  ],
  'GET /api/admin/session': [
    {
      name: 'the actor’s session view never lists the other site',
      run: (actor) => asEditor(actor, '/api/admin/session'),
      check: (answer, _actor, target) => {
        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body)).not.toContain(target.site);
      },
    },
  ],
  'DELETE /api/admin/session': [
    {
      name: 'the actor signing out leaves the other site’s session signed in',
      run: async (actor, target) => {
        const session = await signInAs(target.domain);
        const answer = await asEditor(actor, '/api/admin/session', { method: 'DELETE' });
        const still = await session.call('/api/admin/session');
        expect(still.status).toBe(200);
        return answer;
      },
      check: (answer) => expect(answer.status).toBeLessThan(500),
    },
  ],
  'GET /api/admin/campaign-options': [
    {
      name: 'the other site’s campaign options',
      run: (actor, target) => asEditor(actor, `/api/admin/campaign-options?site_id=${target.site}`),
    },
  ],
  'GET /api/admin/places': [
    {
      name: 'the place picker in the other site’s scope',
      run: (actor, target) => asEditor(actor, `/api/admin/places?site_id=${target.site}&kind=city&q=a`),
    },
  ],
  'POST /api/admin/import-blueprint': [
    {
      name: 'importing the other site’s blueprint',
      run: (actor, target) =>
        asEditor(actor, '/api/admin/import-blueprint', {
          method: 'POST',
          json: { blueprint: blueprintOf(target) },
        }),
      // 409: the blueprint would move a row of another site; either way nothing is written.
      check: refusedWith(403, 404, 409),
    },
  ],
  'GET /api/admin/leads.csv': [
    {
      name: 'exporting the other site’s leads',
      run: (actor, target) => asEditor(actor, `/api/admin/leads.csv?site_id=${target.site}`),
    },
  ],
  'GET /api/admin/leads': [
    {
      name: 'listing the other site’s leads',
      run: (actor, target) => asEditor(actor, `/api/admin/leads?site_id=${target.site}`),
    },
  ],
  'GET /api/admin/leads/{id}': [
    {
      name: 'reading the other site’s lead',
      run: (actor, target) => asEditor(actor, `/api/admin/leads/${target.lead}`),
    },
  ],
  'PATCH /api/admin/leads/{id}': [
    {
      name: 'moving the other site’s lead with a note',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/leads/${target.lead}`, {
          method: 'PATCH',
          json: { status: 'lost', note: 'cross-site' },
        }),
    },
  ],
  'POST /api/admin/leads/{id}/notes': [
    {
      name: 'writing a note on the other site’s lead',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/leads/${target.lead}/notes`, {
          method: 'POST',
          json: { body: 'cross-site' },
        }),
    },
  ],
  'POST /api/admin/leads/{id}/redeliver': [
    {
      name: 'redelivering the other site’s webhook',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/leads/${target.lead}/redeliver`, { method: 'POST', json: {} }),
    },
    {
      name: 'redelivering the other site’s submission through one’s own lead',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/leads/${actor.site.lead}/redeliver`, {
          method: 'POST',
          json: { submission_id: target.submission },
        }),
    },
  ],
  'GET /api/admin/worklog': [
    {
      name: 'reading the other site’s work log',
      run: (actor, target) => asEditor(actor, `/api/admin/worklog?site_id=${target.site}`),
    },
  ],
  'GET /api/admin/library/{collection}': [
    {
      name: 'the library list in the other site’s scope',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/library/spintax_dictionaries?site_id=${target.site}`),
    },
    {
      name: 'the library list in the actor’s own scope holds none of the other site’s rows',
      run: (actor) => asEditor(actor, `/api/admin/library/spintax_dictionaries?site_id=${actor.site.site}`),
      check: (answer, _actor, target) => {
        expect(answer.status).toBe(200);
        const rows = (answer.body as { data: { id: string; site_id: string | null }[] }).data;
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((row) => row.site_id === target.site || row.id === target.dictionary)).toEqual([]);
      },
    },
  ],
  'POST /api/admin/library/{collection}': [
    {
      name: 'creating a dictionary in the other site',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/library/spintax_dictionaries?site_id=${target.site}`, {
          method: 'POST',
          json: { category: 'Cross_Site', terms: ['intruder'] },
        }),
    },
  ],
  'PATCH /api/admin/library/{collection}/{id}': [
    {
      name: 'changing the other site’s dictionary from the actor’s scope',
      run: (actor, target) =>
        asEditor(
          actor,
          `/api/admin/library/spintax_dictionaries/${target.dictionary}?site_id=${actor.site.site}`,
          {
            method: 'PATCH',
            json: { terms: ['intruder'] },
          },
        ),
    },
    {
      name: 'changing the other site’s dictionary naming its site',
      run: (actor, target) =>
        asEditor(
          actor,
          `/api/admin/library/spintax_dictionaries/${target.dictionary}?site_id=${target.site}`,
          {
            method: 'PATCH',
            json: { terms: ['intruder'] },
          },
        ),
    },
  ],
  'DELETE /api/admin/library/{collection}/{id}': [
    {
      name: 'deleting the other site’s dictionary from the actor’s scope',
      run: (actor, target) =>
        asEditor(
          actor,
          `/api/admin/library/spintax_dictionaries/${target.dictionary}?site_id=${actor.site.site}`,
          {
            method: 'DELETE',
          },
        ),
    },
  ],
  'GET /api/admin/locations': [
    {
      name: 'the locations browser in the other site’s scope',
      run: (actor, target) => asEditor(actor, `/api/admin/locations?site_id=${target.site}&q=a`),
    },
  ],
  'GET /api/admin/dashboard': [
    {
      name: 'reading the other site’s dashboard',
      run: (actor, target) => asEditor(actor, `/api/admin/dashboard?site_id=${target.site}`),
    },
    {
      name: 'the actor’s own dashboard counts only the actor’s site',
      run: (actor) => asEditor(actor, '/api/admin/dashboard'),
      check: (answer, actor, target) => {
        expect(answer.status).toBe(200);
        const body = answer.body as { site_count: number; running_jobs: { site_id: string }[] };
        expect(body.site_count).toBe(1);
        expect(body.running_jobs.every((job) => job.site_id === actor.site.site)).toBe(true);
        expect(JSON.stringify(answer.body)).not.toContain(target.site);
      },
    },
  ],
  'GET /api/admin/analytics': [
    {
      name: 'reading the other site’s analytics report',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/analytics?site_id=${target.site}&from=2026-01-01&to=2026-01-02`),
    },
  ],
  'GET /api/admin/quality/flags': [
    {
      name: 'reading the other site’s short articles',
      run: (actor, target) => asEditor(actor, `/api/admin/quality/flags?site_id=${target.site}&type=short`),
    },
  ],
  'POST /api/admin/quality/flags/{id}/decision': [
    {
      name: 'dismissing the other site’s quality flag',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/quality/flags/${target.flag}/decision`, {
          method: 'POST',
          json: { decision: 'dismiss' },
        }),
    },
    {
      name: 'resolving the other site’s quality flag',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/quality/flags/${target.flag}/decision`, {
          method: 'POST',
          json: { decision: 'resolve' },
        }),
    },
  ],
  'GET /api/admin/links': [
    {
      name: 'reading the links report of the other site’s campaign',
      run: (actor, target) => asEditor(actor, `/api/admin/links?campaign_id=${target.campaign}`),
    },
  ],
  'GET /api/admin/queues': [
    {
      name: 'a site editor reads no queue health, which spans every site',
      run: (actor) => asEditor(actor, '/api/admin/queues'),
      check: refusedWith(403),
    },
  ],
  'POST /api/admin/queues/{queue}/jobs/{id}/retry': [
    {
      name: 'a site editor retries no queue job, whichever site it serves',
      run: (actor, target) =>
        asEditor(actor, `/api/admin/queues/spark-generation/jobs/${target.job}/retry`, { method: 'POST' }),
      check: refusedWith(403),
    },
  ],
  'GET /api/admin/services': [
    {
      name: 'a site editor reads no service health',
      run: (actor) => asEditor(actor, '/api/admin/services'),
      check: refusedWith(403),
    },
  ],
  'GET /api/analytics/summary': [
    {
      name: 'reading the other site’s analytics',
      run: (actor, target) =>
        asEditor(actor, `/api/analytics/summary?site_id=${target.site}&from=2026-01-01&to=2026-01-31`),
    },
  ],
  'GET /api/campaigns': [
    {
      name: 'listing the other site’s campaigns by site',
      run: (actor, target) => asEditor(actor, `/api/campaigns?site_id=${target.site}`),
    },
  ],
  'POST /api/campaigns': [
    {
      name: 'creating a campaign on the other site',
      run: (actor, target) =>
        asEditor(actor, '/api/campaigns', {
          method: 'POST',
          json: { site_id: target.site, name: 'Intrusion', headline_spintax_root: '{Best|Top} roofers' },
        }),
    },
  ],
  'GET /api/campaigns/{id}': [
    {
      name: 'reading the other site’s campaign',
      run: (actor, target) => asEditor(actor, `/api/campaigns/${target.campaign}`),
    },
  ],
  'PATCH /api/campaigns/{id}': [
    {
      name: 'changing the other site’s campaign',
      run: (actor, target) =>
        asEditor(actor, `/api/campaigns/${target.campaign}`, { method: 'PATCH', json: { name: 'taken' } }),
    },
  ],
  'DELETE /api/campaigns/{id}': [
    {
      name: 'deleting the other site’s campaign',
      run: (actor, target) => asEditor(actor, `/api/campaigns/${target.campaign}`, { method: 'DELETE' }),
    },
  ],
  'POST /api/seo/generate-headlines': [
    {
      name: 'previewing the other site’s headlines',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/generate-headlines', {
          method: 'POST',
          json: { campaign_id: target.campaign, preview: true },
        }),
    },
    {
      name: 'filling the other site’s headline inventory',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/generate-headlines', {
          method: 'POST',
          json: { campaign_id: target.campaign, limit: 5 },
        }),
    },
  ],
  'POST /api/seo/generate-article': [
    {
      name: 'generating articles for the other site',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/generate-article', {
          method: 'POST',
          json: { campaign_id: target.campaign, count: 1 },
        }),
    },
  ],
  'GET /api/seo/jobs': [
    {
      name: 'listing the other site’s jobs',
      run: (actor, target) => asEditor(actor, `/api/seo/jobs?site_id=${target.site}`),
    },
  ],
  'GET /api/seo/jobs/{id}': [
    {
      name: 'reading the other site’s job',
      run: (actor, target) => asEditor(actor, `/api/seo/jobs/${target.job}`),
    },
  ],
  'GET /api/seo/jobs/{id}/stream': [
    {
      name: 'streaming the other site’s job',
      run: (actor, target) => asEditor(actor, `/api/seo/jobs/${target.job}/stream`),
    },
  ],
  'POST /api/seo/jobs/{id}/cancel': [
    {
      name: 'cancelling the other site’s job',
      run: (actor, target) => asEditor(actor, `/api/seo/jobs/${target.job}/cancel`, { method: 'POST' }),
    },
  ],
  'POST /api/seo/jobs/{id}/retry': [
    {
      name: 'retrying the other site’s job',
      run: (actor, target) => asEditor(actor, `/api/seo/jobs/${target.job}/retry`, { method: 'POST' }),
    },
  ],
  'GET /api/seo/articles': [
    {
      name: 'reading the other site’s review board',
      run: (actor, target) => asEditor(actor, `/api/seo/articles?site_id=${target.site}&status=approved`),
    },
  ],
  'POST /api/seo/approve-batch': [
    {
      name: 'approving the other site’s article',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/approve-batch', {
          method: 'POST',
          json: { article_ids: [target.article] },
        }),
    },
    {
      name: 'approving the other site’s job',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/approve-batch', { method: 'POST', json: { job_id: target.job } }),
    },
  ],
  'POST /api/seo/publish-article': [
    {
      name: 'publishing the other site’s article',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/publish-article', {
          method: 'POST',
          json: { article_ids: [target.article] },
        }),
    },
  ],
  'POST /api/seo/return-to-review': [
    {
      name: 'returning the other site’s article to review',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/return-to-review', {
          method: 'POST',
          json: { article_ids: [target.article] },
        }),
    },
  ],
  'POST /api/seo/process-queue': [
    {
      name: 'processing the other site’s queue',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/process-queue', { method: 'POST', json: { site_id: target.site } }),
    },
  ],
  'POST /api/seo/scan-duplicates': [
    {
      name: 'scanning the other site for duplicates',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/scan-duplicates', { method: 'POST', json: { site_id: target.site } }),
    },
  ],
  'POST /api/seo/insert-links': [
    {
      name: 'linking the other site’s campaign',
      run: (actor, target) =>
        asEditor(actor, '/api/seo/insert-links', { method: 'POST', json: { campaign_id: target.campaign } }),
    },
  ],
};

describe('the cross-site cases', () => {
  it('cover every route of the table', () => {
    const uncovered = apiRoutes()
      .map(([key]) => key)
      .filter((key) => !crossSite[key]?.length);
    expect(uncovered).toEqual([]);
  });
});

const directions = [
  ['alpha', 'beta'],
  ['beta', 'alpha'],
] as const;

for (const [actorName, targetName] of directions) {
  describe(`${actorName}’s principal against ${targetName}’s data`, () => {
    for (const [key, cases] of Object.entries(crossSite) as [ApiRouteKey, CrossSiteCase[]][]) {
      for (const crossCase of cases) {
        it(`${key}: ${crossCase.name}`, async () => {
          const actorSite = sites[actorName];
          const target = sites[targetName];
          const actor = { site: actorSite, token: editorToken(actorSite.domain) };
          const before = await fingerprint(target);
          calls = [];
          const answer = await crossCase.run(actor, target);
          expect(
            calls.some((made) => matchApiRoute(made.method, made.path)?.[0] === key),
            `the case must call ${key}`,
          ).toBe(true);
          await (crossCase.check ?? refusedWith(403, 404))(answer, actor, target);
          expect(await fingerprint(target)).toBe(before);
        });
      }
    }
  });
}

describe('alpha’s lists', () => {
  const alpha = () => editorToken('alpha.localhost');

  it('never contain beta’s campaigns', async () => {
    const answer = await callApi<{ data: { id: string; site_id: string }[] }>('/api/campaigns', {
      token: alpha(),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(answer.body.data.every((c) => c.site_id === sites.alpha.site)).toBe(true);
    expect(answer.body.data.some((c) => c.id === sites.beta.campaign)).toBe(false);
  });

  it('still let alpha read and change its own campaign', async () => {
    const read = await callApi<{ data: { id: string; name: string } }>(
      `/api/campaigns/${sites.alpha.campaign}`,
      {
        token: alpha(),
      },
    );
    expect(read.status).toBe(200);
    expect(read.body.data.id).toBe(sites.alpha.campaign);
    const renamed = await callApi(`/api/campaigns/${sites.alpha.campaign}`, {
      method: 'PATCH',
      token: alpha(),
      json: { name: `${read.body.data.name} (renamed)` },
    });
    expect(renamed.status).toBe(200);
    await callApi(`/api/campaigns/${sites.alpha.campaign}`, {
      method: 'PATCH',
      token: alpha(),
      json: { name: read.body.data.name },
    });
  });
});
