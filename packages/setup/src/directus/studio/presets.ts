import type { PoolClient } from 'pg';

export interface ListPreset {
  collection: string;
  fields: string[];
  sort: string[];
}

/**
 * Default list columns (global presets: every user without a preset of their own gets them), so a list opens on
 * what a marketer scans for instead of ids. `quality_flags` on articles is the alias of the article's open flags.
 */
export const LIST_PRESETS: ListPreset[] = [
  {
    collection: 'generated_articles',
    fields: ['title', 'status', 'word_count', 'quality_flags', 'published_at'],
    sort: ['-date_created'],
  },
  {
    collection: 'campaign_masters',
    fields: ['name', 'status', 'location_mode', 'velocity_per_day', 'date_updated'],
    sort: ['name'],
  },
  {
    collection: 'leads',
    fields: ['date_created', 'email', 'name', 'status', 'form_id', 'utm_source'],
    sort: ['-date_created'],
  },
  { collection: 'pages', fields: ['title', 'permalink', 'status', 'published_at'], sort: ['permalink'] },
  {
    collection: 'generation_jobs',
    fields: ['type', 'status', 'processed', 'total', 'campaign_id', 'date_created'],
    sort: ['-date_created'],
  },
];

/** Upserts one global preset per collection (user, role and bookmark empty); other presets are left alone. */
export async function provisionListPresets(client: PoolClient, collections: Set<string>): Promise<void> {
  for (const preset of LIST_PRESETS.filter((p) => collections.has(p.collection))) {
    const layoutQuery = JSON.stringify({ tabular: { fields: preset.fields, sort: preset.sort, limit: 25 } });
    const layoutOptions = JSON.stringify({ tabular: { spacing: 'cozy' } });
    const updated = await client.query(
      `update directus_presets set layout = 'tabular', layout_query = $2, layout_options = $3
       where collection = $1 and "user" is null and role is null and bookmark is null`,
      [preset.collection, layoutQuery, layoutOptions],
    );
    if (updated.rowCount === 0) {
      await client.query(
        `insert into directus_presets (collection, layout, layout_query, layout_options)
         values ($1, 'tabular', $2, $3)`,
        [preset.collection, layoutQuery, layoutOptions],
      );
    }
  }
}

/**
 * Where "Preview" opens a page or an article: its public address on the tenant's own host. `origin` is a Directus
 * template such as `https://{{site_id.domain}}` (production) or `http://{{site_id.domain}}:4321` (local stacks,
 * where browsers resolve every `*.localhost` host to this machine).
 */
export function previewUrls(origin: string): Record<string, string> {
  return {
    pages: `${origin}{{permalink}}`,
    generated_articles: `${origin}/{{slug}}`,
  };
}

export const DEFAULT_PREVIEW_ORIGIN = 'https://{{site_id.domain}}';

export async function provisionPreviewUrls(client: PoolClient, origin: string): Promise<void> {
  for (const [collection, url] of Object.entries(previewUrls(origin))) {
    await client.query('update directus_collections set preview_url = $2 where collection = $1', [
      collection,
      url,
    ]);
  }
}
