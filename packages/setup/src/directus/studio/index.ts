import { withTransaction } from '@spark/db';
import type { Pool } from 'pg';
import type { DirectusClient } from '../client.js';
import { provisionDashboard } from './dashboard.js';
import { provisionManualFlows } from './flows.js';
import { DEFAULT_PREVIEW_ORIGIN, provisionListPresets, provisionPreviewUrls } from './presets.js';
import { provisionProjectSettings } from './project.js';

export interface StudioOptions {
  /** Directus template of a site's public origin, e.g. `http://{{site_id.domain}}:4321` on a local stack. */
  previewOrigin?: string;
}

/**
 * The Data Studio as marketers use it: project branding, the "Site overview" dashboard, list presets and preview
 * URLs. Run after the collections are registered (`registerDirectusMetadata`); everything is an upsert, so a
 * second run changes nothing. The manual flows need a running Directus: see `provisionStudioFlows`.
 */
export async function provisionDataStudio(pool: Pool, options: StudioOptions = {}): Promise<void> {
  const collections = new Set(
    (await pool.query<{ collection: string }>('select collection from directus_collections')).rows.map(
      (row) => row.collection,
    ),
  );
  await withTransaction(pool, async (client) => {
    await provisionProjectSettings(client);
    await provisionDashboard(client);
    await provisionListPresets(client, collections);
    await provisionPreviewUrls(client, options.previewOrigin ?? DEFAULT_PREVIEW_ORIGIN);
  });
}

/** The manual flows on campaigns and articles, written through REST so a running Directus loads them at once. */
export async function provisionStudioFlows(directus: DirectusClient): Promise<void> {
  await provisionManualFlows(directus);
}
