import { AppError, type CampaignCreate, type CampaignListQuery, type CampaignPatch } from '@spark/contracts';
import { type Pool, type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { WRITE_COLUMNS, writeExpressions, writeParams } from './campaign-columns.js';
import { type CampaignInput, validateCampaign } from './campaign-input.js';
import { CAMPAIGN_COLUMNS, type CampaignRow, campaignView, loadVisibleCampaign } from './campaign-row.js';
import { campaignSummaries } from './campaign-summaries.js';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope, visibleSiteIds } from './principal.js';

/**
 * Fields whose change alters the headline space, by their API names and by their columns (a Directus user
 * writes the columns): unclaimed inventory built from the old space is dropped.
 */
const SPACE_FIELDS = new Set([
  'headline_spintax_root',
  'niche_variables',
  'location_mode',
  'location',
  'avatar_ids',
  'target_state_id',
  'target_county_id',
  'target_city_id',
  'radius_center',
  'radius_km',
]);

/**
 * After a campaign's definition changed, its `available` headlines describe a space that is gone: they are
 * deleted, so the next job draws from the new one. Reserved headlines stay with their job.
 */
export async function dropStaleHeadlines(
  client: Pool | PoolClient,
  campaignId: string,
  changedFields: readonly string[],
): Promise<number> {
  if (!changedFields.some((field) => SPACE_FIELDS.has(field))) return 0;
  const { rowCount } = await client.query(
    `delete from headline_inventory where campaign_id = $1 and status = 'available'`,
    [campaignId],
  );
  return rowCount ?? 0;
}

export async function listCampaigns(deps: FactoryDeps, principal: Principal, query: CampaignListQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.site_id) {
    params.push(resolveSiteScope(principal, query.site_id));
    where.push(`site_id = $${params.length}`);
  } else if (visibleSiteIds(principal)) {
    params.push(visibleSiteIds(principal));
    where.push(`site_id = any($${params.length}::uuid[])`);
  }
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  params.push(query.limit, query.offset);
  const { rows } = await deps.db.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from campaign_masters ${where.length ? `where ${where.join(' and ')}` : ''}
     order by date_created desc, id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const summaries = await campaignSummaries(
    deps.db,
    rows.map((row) => row.id),
  );
  const data = rows.map((row) => {
    const summary = summaries.get(row.id);
    return { ...campaignView(row), stats: summary?.stats, last_job: summary?.last_job ?? null };
  });
  return { data, limit: query.limit, offset: query.offset };
}

/** The campaign with what it has produced so far: inventory and articles by status. */
export async function getCampaign(deps: FactoryDeps, principal: Principal, id: string) {
  const campaign = await loadVisibleCampaign(deps.db, principal, id);
  const counts = async (table: string) => {
    const { rows } = await deps.db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from ${table} where campaign_id = $1 group by status`,
      [id],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };
  const [inventory, articles] = await Promise.all([
    counts('headline_inventory'),
    counts('generated_articles'),
  ]);
  return { ...campaignView(campaign), stats: { inventory, articles } };
}

export async function createCampaign(deps: FactoryDeps, principal: Principal, body: CampaignCreate) {
  const siteId = resolveSiteScope(principal, body.site_id);
  const { site_id: _site, ...input } = body;
  return withTransaction(deps.db, async (client) => {
    await validateCampaign(client, siteId, input);
    const { rows } = await client.query<CampaignRow>(
      `insert into campaign_masters (site_id, ${WRITE_COLUMNS.join(', ')})
       values ($1, ${writeExpressions(2).join(', ')}) returning ${CAMPAIGN_COLUMNS}`,
      [siteId, ...writeParams(input)],
    );
    const row = rows[0] as CampaignRow;
    await writeWorkLog(
      {
        action: 'campaign.create',
        entityType: 'campaign_masters',
        entityId: row.id,
        siteId,
        userId: principal.userId,
      },
      client,
    );
    return campaignView(row);
  });
}

export async function updateCampaign(
  deps: FactoryDeps,
  principal: Principal,
  id: string,
  patch: CampaignPatch,
) {
  return withTransaction(deps.db, async (client) => {
    const current = campaignView(await loadVisibleCampaign(client, principal, id, true));
    const { id: _id, site_id, date_created: _c, date_updated: _u, ...saved } = current;
    const merged: CampaignInput = {
      ...saved,
      ...patch,
      location: { ...saved.location, ...patch.location },
      velocity: patch.velocity ?? saved.velocity,
    };
    await validateCampaign(client, site_id, merged);
    const sets = WRITE_COLUMNS.map((column, i) => `${column} = ${writeExpressions(2)[i]}`);
    const { rows } = await client.query<CampaignRow>(
      `update campaign_masters set ${sets.join(', ')} where id = $1 returning ${CAMPAIGN_COLUMNS}`,
      [id, ...writeParams(merged)],
    );
    const changed = Object.keys(patch);
    await dropStaleHeadlines(client, id, changed);
    await writeWorkLog(
      {
        action: 'campaign.update',
        entityType: 'campaign_masters',
        entityId: id,
        siteId: site_id,
        userId: principal.userId,
        details: { fields: changed },
      },
      client,
    );
    return campaignView(rows[0] as CampaignRow);
  });
}

/** Refused while a generation job of the campaign is unfinished; its articles outlive it. */
export async function deleteCampaign(deps: FactoryDeps, principal: Principal, id: string) {
  return withTransaction(deps.db, async (client) => {
    const campaign = await loadVisibleCampaign(client, principal, id, true);
    const { rowCount } = await client.query(
      `select 1 from generation_jobs where campaign_id = $1 and status in ('pending', 'queued', 'running')`,
      [id],
    );
    if (rowCount)
      throw new AppError('CONFLICT', 'The campaign has unfinished generation jobs; wait for them to end');
    await client.query('delete from campaign_masters where id = $1', [id]);
    await writeWorkLog(
      {
        action: 'campaign.delete',
        entityType: 'campaign_masters',
        entityId: id,
        siteId: campaign.site_id,
        userId: principal.userId,
        details: { name: campaign.name },
      },
      client,
    );
    return { deleted: id };
  });
}
