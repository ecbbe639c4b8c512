import { describe, expect, it } from 'vitest';
import type { ColumnInfo, SchemaInfo } from './introspect.js';
import { buildDirectusMetadata } from './metadata.js';

const column = (table: string, name: string, dataType = 'text', position = 1): ColumnInfo => ({
  table,
  name,
  dataType,
  udtName: dataType === 'ARRAY' ? '_uuid' : dataType,
  nullable: true,
  hasDefault: false,
  position,
});

const schema: SchemaInfo = {
  tables: ['campaign_masters', 'generated_articles', 'quality_flags', 'headline_inventory', 'work_log'],
  columns: [
    column('campaign_masters', 'id', 'uuid'),
    column('campaign_masters', 'name'),
    column('campaign_masters', 'location_mode'),
    column('campaign_masters', 'radius_km', 'numeric'),
    column('campaign_masters', 'avatar_ids', 'ARRAY'),
    column('generated_articles', 'id', 'uuid'),
    column('generated_articles', 'title'),
    column('quality_flags', 'id', 'uuid'),
    column('quality_flags', 'article_id', 'uuid'),
    column('headline_inventory', 'id', 'uuid'),
    column('headline_inventory', 'text'),
    column('work_log', 'id', 'uuid'),
  ],
  foreignKeys: [{ table: 'quality_flags', column: 'article_id', foreignTable: 'generated_articles' }],
  enumerations: new Map([['campaign_masters.location_mode', ['none', 'radius']]]),
};

const metadata = buildDirectusMetadata(schema);
const collection = (name: string) => metadata.collections.find((c) => c.collection === name);
const field = (table: string, name: string) =>
  metadata.fields.find((f) => f.collection === table && f.field === name);

describe('Data Studio presentation', () => {
  it('names collections as marketers do and hides the internal ones', () => {
    expect(collection('campaign_masters')?.translations).toEqual([
      { language: 'en-US', translation: 'Campaigns' },
    ]);
    expect(collection('campaign_masters')?.hidden).toBe(false);
    expect(collection('headline_inventory')?.hidden).toBe(true);
    // The operations folder holds only the work log: no empty folder in the navigation.
    expect(collection('folder_operations')?.hidden).toBe(true);
    expect(collection('folder_factory')?.hidden).toBe(false);
  });

  it('notes fields, shows the radius only in radius mode and picks avatars by name', () => {
    expect(field('campaign_masters', 'name')?.note).toMatch(/name/i);
    expect(field('campaign_masters', 'id')?.note).toBeNull();
    expect(field('campaign_masters', 'radius_km')?.conditions).toEqual([
      { name: 'Only in radius mode', rule: { location_mode: { _nin: ['radius'] } }, hidden: true },
    ]);
    expect(field('campaign_masters', 'avatar_ids')).toMatchObject({
      interface: 'spark-item-picker',
      options: { relatedCollection: 'avatar_intelligence', displayField: 'name' },
      translations: [{ language: 'en-US', translation: 'Avatars' }],
    });
    // Fields without a label of their own keep Directus's title-cased column name.
    expect(field('campaign_masters', 'name')?.translations).toBeNull();
  });

  it('adds the article’s quality flags as a one-to-many field backed by the flag’s article_id', () => {
    expect(field('generated_articles', 'quality_flags')).toMatchObject({ special: 'o2m', readonly: true });
    expect(metadata.relations).toContainEqual(
      expect.objectContaining({
        many_collection: 'quality_flags',
        many_field: 'article_id',
        one_collection: 'generated_articles',
        one_field: 'quality_flags',
      }),
    );
  });
});
