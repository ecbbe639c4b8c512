import { describe, expect, it } from 'vitest';
import { PUBLIC_FILES_FOLDER_ID, publishedContentPermissions, siteEditorPermissions } from './access.js';
import type { SchemaInfo } from './introspect.js';

const column = (table: string, name: string, nullable = false) => ({
  table,
  name,
  dataType: 'uuid',
  udtName: 'uuid',
  nullable,
  hasDefault: false,
  position: 1,
});
const tables = [
  'sites',
  'posts',
  'leads',
  'generation_jobs',
  'analytics_daily_rollups',
  'analytics_hourly_rollups',
  'work_log',
  'geo_cities',
];
const schema: SchemaInfo = {
  tables,
  columns: [
    column('sites', 'id'),
    column('posts', 'site_id'),
    column('posts', 'published_at', true),
    column('leads', 'site_id'),
    column('generation_jobs', 'site_id'),
    column('analytics_daily_rollups', 'site_id'),
    column('analytics_hourly_rollups', 'site_id'),
    column('work_log', 'site_id', true),
    column('geo_cities', 'id'),
  ],
  foreignKeys: [],
  enumerations: new Map(),
};

describe('siteEditorPermissions', () => {
  const rows = siteEditorPermissions(schema, 'alpha');
  const actionsOn = (collection: string) =>
    rows.filter((r) => r.collection === collection).map((r) => r.action);

  it('gives editors read-only access to job progress, rollups and the work log, own rows only', () => {
    for (const table of [
      'generation_jobs',
      'analytics_daily_rollups',
      'analytics_hourly_rollups',
      'work_log',
    ]) {
      expect(actionsOn(table), table).toEqual(['read']);
      expect(rows.find((r) => r.collection === table)?.permissions).toEqual({ site_id: { _eq: 'alpha' } });
    }
  });

  it('keeps full CRUD on content the editor writes', () => {
    expect(actionsOn('leads')).toEqual(['read', 'create', 'update', 'delete']);
  });
});

describe('publishedContentPermissions', () => {
  it('hides embargoed posts (published_at in the future)', () => {
    const posts = publishedContentPermissions(schema).find((r) => r.collection === 'posts');
    expect(JSON.stringify(posts?.permissions)).toContain('"published_at":{"_lte":"$NOW"}');
  });

  it('lets the reader fetch files of the public folder and no others', () => {
    const files = publishedContentPermissions(schema).filter((r) => r.collection === 'directus_files');
    expect(files).toEqual([
      expect.objectContaining({ action: 'read', permissions: { folder: { _eq: PUBLIC_FILES_FOLDER_ID } } }),
    ]);
    expect(PUBLIC_FILES_FOLDER_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
