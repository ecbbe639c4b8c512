import {
  COLLECTIONS,
  FOLDERS,
  type FolderName,
  folderCollection,
  HTML_COLUMNS,
  LONG_TEXT_COLUMN,
  TEMPLATE_CANDIDATES,
  USER_COLUMNS,
} from './catalog.js';
import {
  ALIAS_FIELDS,
  FIELD_CONDITIONS,
  FIELD_NOTES,
  FIELD_PRESENTATION,
  NOTES_BY_COLUMN,
} from './catalog-fields.js';
import type { ColumnInfo, SchemaInfo } from './introspect.js';

/** Rows for `directus_collections`, `directus_fields` and `directus_relations` (only the columns we set). */
export interface CollectionRow {
  collection: string;
  icon: string;
  note: string | null;
  display_template: string | null;
  hidden: boolean;
  singleton: boolean;
  sort_field: string | null;
  archive_field: string | null;
  archive_value: string | null;
  unarchive_value: string | null;
  archive_app_filter: boolean;
  accountability: 'all';
  group: string | null;
  sort: number;
  collapse: 'open' | 'closed';
  translations: { language: string; translation: string }[] | null;
}

export interface FieldRow {
  collection: string;
  field: string;
  special: string | null;
  interface: string | null;
  options: Record<string, unknown> | null;
  display: string | null;
  display_options: Record<string, unknown> | null;
  readonly: boolean;
  hidden: boolean;
  sort: number;
  width: 'half' | 'full';
  required: boolean;
  note: string | null;
  conditions: Record<string, unknown>[] | null;
  /** The label marketers see when Directus's own (the column name in title case) would read as jargon. */
  translations: { language: string; translation: string }[] | null;
}

export interface RelationRow {
  many_collection: string;
  many_field: string;
  one_collection: string;
  /** The Studio-only one-to-many field on the "one" side, when there is one. */
  one_field: string | null;
  one_deselect_action: 'nullify';
}

export interface DirectusMetadata {
  collections: CollectionRow[];
  fields: FieldRow[];
  relations: RelationRow[];
}

const templateColumn = (template: string) =>
  [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** A display template that references only columns the table really has (relations checked by their first hop). */
function displayTemplateFor(table: string, columns: ColumnInfo[]): string | null {
  const names = new Set(columns.map((column) => column.name));
  const explicit = COLLECTIONS[table]?.displayTemplate;
  if (explicit && templateColumn(explicit).every((path) => names.has(path.split('.')[0] ?? '')))
    return explicit;
  const candidate = TEMPLATE_CANDIDATES.find((name) => names.has(name));
  return candidate ? `{{${candidate}}}` : null;
}

function collectionRow(
  base: Omit<
    CollectionRow,
    | 'note'
    | 'hidden'
    | 'singleton'
    | 'archive_app_filter'
    | 'accountability'
    | 'collapse'
    | 'translations'
    | 'sort_field'
    | 'archive_field'
    | 'archive_value'
    | 'unarchive_value'
  > &
    Partial<CollectionRow>,
): CollectionRow {
  return {
    note: null,
    hidden: false,
    singleton: false,
    sort_field: null,
    archive_field: null,
    archive_value: null,
    unarchive_value: null,
    archive_app_filter: true,
    accountability: 'all',
    collapse: 'open',
    translations: null,
    ...base,
  };
}

function fieldRow(column: ColumnInfo, schema: SchemaInfo, templates: Map<string, string | null>): FieldRow {
  const key = `${column.table}.${column.name}`;
  const foreignTable = schema.foreignKeys.find(
    (fk) => fk.table === column.table && fk.column === column.name,
  )?.foreignTable;
  const relatedTable = foreignTable ?? (USER_COLUMNS.includes(key) ? 'directus_users' : undefined);
  const choices = schema.enumerations.get(key);
  const row: FieldRow = {
    collection: column.table,
    field: column.name,
    special: null,
    interface: null,
    options: null,
    display: null,
    display_options: null,
    readonly: false,
    hidden: false,
    sort: column.position,
    width: 'full',
    required: !column.nullable && !column.hasDefault,
    note: null,
    conditions: null,
    translations: null,
  };
  if (column.name === 'id') {
    return {
      ...row,
      special: column.dataType === 'uuid' ? 'uuid' : null,
      interface: 'input',
      readonly: true,
      hidden: true,
    };
  }
  if (column.name === 'date_created' || column.name === 'date_updated') {
    const special = column.name === 'date_created' ? 'date-created' : 'date-updated';
    return {
      ...row,
      special,
      interface: 'datetime',
      display: 'datetime',
      display_options: { relative: true },
      readonly: true,
      width: 'half',
    };
  }
  if (relatedTable) {
    const template =
      relatedTable === 'directus_users' ? '{{email}}' : (templates.get(relatedTable) ?? '{{id}}');
    return {
      ...row,
      special: 'm2o',
      interface: 'select-dropdown-m2o',
      options: { template },
      display: 'related-values',
      display_options: { template },
      width: 'half',
    };
  }
  if (choices) {
    return {
      ...row,
      interface: 'select-dropdown',
      options: { choices: choices.map((value) => ({ text: value.replaceAll('_', ' '), value })) },
      display: 'labels',
      display_options: { choices: choices.map((value) => ({ text: value.replaceAll('_', ' '), value })) },
      width: 'half',
    };
  }
  switch (column.dataType) {
    case 'jsonb':
    case 'json':
      return { ...row, special: 'cast-json', interface: 'input-code', options: { language: 'json' } };
    case 'boolean':
      return { ...row, special: 'cast-boolean', interface: 'boolean', display: 'boolean', width: 'half' };
    case 'ARRAY':
      // Directus has no native array type; a tag list edits text[] faithfully.
      return { ...row, interface: 'tags', display: 'labels' };
    case 'USER-DEFINED':
      return column.udtName === 'geometry'
        ? { ...row, interface: 'map', options: { geometryType: 'Point' } }
        : row;
    case 'timestamp with time zone':
    case 'date':
      return { ...row, interface: 'datetime', display: 'datetime', width: 'half' };
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'numeric':
    case 'double precision':
    case 'real':
      return { ...row, interface: 'input', width: 'half' };
    default:
      if (HTML_COLUMNS.has(column.name)) return { ...row, interface: 'input-rich-text-html' };
      if (LONG_TEXT_COLUMN.test(column.name)) return { ...row, interface: 'input-multiline' };
      return { ...row, interface: 'input', width: 'half' };
  }
}

/** Adds the marketer-facing note, interface and conditions from `catalog-fields.ts`; ids keep no note (hidden). */
function presented(row: FieldRow): FieldRow {
  const key = `${row.collection}.${row.field}`;
  const note = FIELD_NOTES[key] ?? NOTES_BY_COLUMN[row.field] ?? null;
  const { label, ...presentation } = FIELD_PRESENTATION[key] ?? {};
  return {
    ...row,
    ...presentation,
    note: row.field === 'id' ? null : note,
    conditions: FIELD_CONDITIONS[key] ?? null,
    translations: label ? [{ language: 'en-US', translation: label }] : row.translations,
  };
}

/**
 * Derives the Data Studio metadata from the live schema: every table becomes a managed collection inside a
 * folder, every foreign key a many-to-one dropdown showing the related row's display template, every `check`
 * enumeration a dropdown of exactly its values.
 */
export function buildDirectusMetadata(schema: SchemaInfo): DirectusMetadata {
  const columnsByTable = new Map<string, ColumnInfo[]>();
  for (const column of schema.columns) {
    columnsByTable.set(column.table, [...(columnsByTable.get(column.table) ?? []), column]);
  }
  const templates = new Map(
    schema.tables.map((table) => [table, displayTemplateFor(table, columnsByTable.get(table) ?? [])]),
  );

  const folderNames = Object.keys(FOLDERS) as FolderName[];
  const folderOf = (table: string) => COLLECTIONS[table]?.folder ?? 'operations';
  // A folder holding only internal collections would be an empty entry in the navigation.
  const visibleFolder = (folder: FolderName) =>
    schema.tables.some((table) => folderOf(table) === folder && !COLLECTIONS[table]?.internal);
  const collections: CollectionRow[] = folderNames.map((folder, index) =>
    collectionRow({
      collection: folderCollection(folder),
      icon: FOLDERS[folder].icon,
      display_template: null,
      group: null,
      sort: index + 1,
      hidden: !visibleFolder(folder),
      translations: [{ language: 'en-US', translation: FOLDERS[folder].label }],
    }),
  );
  const catalogOrder = Object.keys(COLLECTIONS);
  const orderOf = (table: string) => {
    const position = catalogOrder.indexOf(table);
    return position === -1 ? catalogOrder.length + schema.tables.indexOf(table) : position;
  };
  schema.tables.forEach((table) => {
    const columns = new Set((columnsByTable.get(table) ?? []).map((column) => column.name));
    const presentation = COLLECTIONS[table];
    const statuses = schema.enumerations.get(`${table}.status`) ?? [];
    const archivable = statuses.includes('archived');
    collections.push(
      collectionRow({
        collection: table,
        icon: presentation?.icon ?? 'table_rows',
        note: presentation?.note ?? null,
        display_template: templates.get(table) ?? null,
        group: folderCollection(folderOf(table)),
        sort: orderOf(table) + 1,
        hidden: presentation?.internal === true,
        translations: presentation ? [{ language: 'en-US', translation: presentation.label }] : null,
        sort_field: columns.has('sort') ? 'sort' : null,
        archive_field: archivable ? 'status' : null,
        archive_value: archivable ? 'archived' : null,
        unarchive_value: archivable ? (statuses.includes('draft') ? 'draft' : (statuses[0] ?? null)) : null,
      }),
    );
  });

  const fields = schema.columns.map((column) => presented(fieldRow(column, schema, templates)));
  for (const alias of ALIAS_FIELDS) {
    const via = schema.columns.find((c) => c.table === alias.related && c.name === alias.via);
    if (!schema.tables.includes(alias.collection) || !via) continue;
    fields.push(
      presented({
        collection: alias.collection,
        field: alias.field,
        special: 'o2m',
        interface: 'list-o2m',
        options: { template: alias.template, enableCreate: false, enableSelect: false },
        display: 'related-values',
        display_options: { template: alias.template },
        readonly: true,
        hidden: false,
        sort: 1000,
        width: 'full',
        required: false,
        note: null,
        conditions: null,
        translations: null,
      }),
    );
  }
  const relations: RelationRow[] = fields
    .filter((field) => field.special === 'm2o')
    .map((field) => ({
      many_collection: field.collection,
      many_field: field.field,
      one_collection:
        schema.foreignKeys.find((fk) => fk.table === field.collection && fk.column === field.field)
          ?.foreignTable ?? 'directus_users',
      one_field:
        ALIAS_FIELDS.find(
          (alias) =>
            alias.related === field.collection &&
            alias.via === field.field &&
            fields.some((f) => f.collection === alias.collection && f.field === alias.field),
        )?.field ?? null,
      one_deselect_action: 'nullify',
    }));
  return { collections, fields, relations };
}
