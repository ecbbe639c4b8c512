import { AppError, type CampaignCreate } from '@spark/contracts';
import { loadSpintaxDictionaries, loadTemplateLibrary, type PoolClient } from '@spark/db';
import { assertPlaceVariablesFillable } from './article-texts.js';
import { MODE_FIELDS } from './campaign-columns.js';
import { requireValidHeadlines } from './headline-patterns.js';

/** A complete campaign as create and patch both end up with (patch = saved campaign + changes). */
export type CampaignInput = Omit<CampaignCreate, 'site_id'>;

interface Issue {
  path: string;
  message: string;
}

/** Library rows a campaign may use: its site's own or the shared library's (site_id null). */
async function missingLibraryIds(client: PoolClient, table: string, ids: string[], siteId: string) {
  if (ids.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    `select id from ${table} where id = any($1::uuid[]) and (site_id = $2 or site_id is null)`,
    [ids, siteId],
  );
  const found = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !found.has(id));
}

async function placeExists(client: PoolClient, table: string, id: string): Promise<boolean> {
  const { rowCount } = await client.query(`select 1 from ${table} where id = $1`, [id]);
  return (rowCount ?? 0) > 0;
}

/**
 * Everything zod cannot see: the spintax (syntax, unknown variables, with line/column), references into
 * the library and the gazetteer, and completeness for campaigns past draft. One 422 lists every problem.
 */
export async function validateCampaign(
  client: PoolClient,
  siteId: string,
  input: CampaignInput,
): Promise<void> {
  const issues: Issue[] = [];
  const dictionaries = await loadSpintaxDictionaries(client, siteId);
  // Spintax problems are reported on their own: their line/column message is the most precise one.
  requireValidHeadlines(input.headline_spintax_root, input.niche_variables, dictionaries);
  if (
    input.template_id &&
    (await missingLibraryIds(client, 'article_templates', [input.template_id], siteId)).length
  ) {
    issues.push({
      path: 'template_id',
      message: 'no such article template in this site or the shared library',
    });
  }
  if (input.template_id && input.location_mode === 'none') {
    // Without a location no fragment may use a place variable; with one, generation checks the target's cities.
    const library = await loadTemplateLibrary(client, { site_id: siteId, ...input });
    const texts = (library?.fragments ?? []).map((fragment) => fragment.body);
    try {
      assertPlaceVariablesFillable(texts, 'none');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issues.push({ path: 'template_id', message: error.message });
    }
  }
  for (const id of await missingLibraryIds(client, 'avatar_intelligence', input.avatar_ids, siteId)) {
    issues.push({
      path: `avatar_ids.${input.avatar_ids.indexOf(id)}`,
      message: `no avatar ${id} in this site or the shared library`,
    });
  }
  const places = [
    ['state_id', 'geo_states'],
    ['county_id', 'geo_counties'],
    ['city_id', 'geo_cities'],
  ] as const;
  for (const [field, table] of places) {
    const id = input.location[field];
    if (id && !(await placeExists(client, table, id))) {
      issues.push({
        path: `location.${field}`,
        message: `no ${table.replace('geo_', '').replace(/s$/, '')} ${id}`,
      });
    }
  }
  if (input.status !== 'draft') {
    for (const field of MODE_FIELDS[input.location_mode]) {
      if (input.location[field] == null) {
        issues.push({
          path: `location.${field}`,
          message: `location_mode "${input.location_mode}" needs location.${field}`,
        });
      }
    }
    if (input.velocity.mode === 'ramp_up' && input.velocity.ramp_to === undefined) {
      issues.push({ path: 'velocity.ramp_to', message: 'ramp_up needs ramp_to' });
    }
  }
  const first = issues[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', `Campaign is invalid — ${first.path}: ${first.message}`, {
      issues,
    });
}
