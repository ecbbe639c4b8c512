import type { Library } from '@spark/contracts';
import type { PoolClient } from 'pg';
import { importGeo } from './geo.js';
import type { ReportTally } from './report.js';
import { findLibraryId } from './resolve.js';
import { jsonb } from './sql.js';
import { upsertRow } from './upsert.js';

/**
 * Library rows belong to `siteId`, or to the shared library when it is null. Natural keys:
 * avatars, templates, patterns and offers by (site, name); variants by (avatar, name);
 * dictionaries by (site, lower(category)); fragments by (site, type, md5(body)).
 */
export async function importLibrary(
  client: PoolClient,
  siteId: string | null,
  lib: Library,
  tally: ReportTally,
): Promise<void> {
  const site_id = siteId;
  const avatarId = (name: string, path: string) =>
    findLibraryId(client, 'avatar_intelligence', siteId, name, path);

  for (const a of lib.avatars) {
    await upsertRow(
      client,
      {
        table: 'avatar_intelligence',
        key: { site_id, name: a.name },
        values: {
          description: a.description,
          pain_points: jsonb(a.pain_points),
          goals: jsonb(a.goals),
          tone: a.tone ?? null,
        },
      },
      tally,
    );
  }
  for (const [i, v] of lib.avatar_variants.entries()) {
    const avatar_id = await avatarId(v.avatar, `library.avatar_variants.${i}.avatar`);
    await upsertRow(
      client,
      {
        table: 'avatar_variants',
        key: { avatar_id, name: v.name },
        values: { site_id, variables: jsonb(v.variables) },
      },
      tally,
    );
  }
  if (lib.geo) await importGeo(client, lib.geo, tally);

  for (const d of lib.spintax_dictionaries) {
    await upsertRow(
      client,
      {
        table: 'spintax_dictionaries',
        key: { site_id, category: { value: d.category, fold: 'lower' } },
        values: { category: d.category, terms: jsonb(d.terms) },
      },
      tally,
    );
  }
  for (const p of lib.cartesian_patterns) {
    await upsertRow(
      client,
      { table: 'cartesian_patterns', key: { site_id, name: p.name }, values: { pattern: p.pattern } },
      tally,
    );
  }
  for (const t of lib.article_templates) {
    await upsertRow(
      client,
      {
        table: 'article_templates',
        key: { site_id, name: t.name },
        values: { fragment_types: jsonb(t.fragment_types) },
      },
      tally,
    );
  }
  for (const [i, f] of lib.content_fragments.entries()) {
    const avatar_id =
      f.avatar === undefined ? null : await avatarId(f.avatar, `library.content_fragments.${i}.avatar`);
    await upsertRow(
      client,
      {
        table: 'content_fragments',
        key: { site_id, fragment_type: f.type, body: { value: f.body, fold: 'md5' } },
        values: { avatar_id },
      },
      tally,
    );
  }
  for (const [i, o] of lib.offer_blocks.entries()) {
    const avatar_id =
      o.avatar === undefined ? null : await avatarId(o.avatar, `library.offer_blocks.${i}.avatar`);
    await upsertRow(
      client,
      {
        table: 'offer_blocks',
        key: { site_id, name: o.name },
        values: {
          avatar_id,
          headline: o.headline,
          body: o.body,
          cta_label: o.cta_label,
          cta_url: o.cta_url,
        },
      },
      tally,
    );
  }
}
