export {
  type AreaListedArticle,
  type AreaPlacedArticle,
  findAreaArticles,
  findAreaNeighbour,
  listAreaArticles,
  listAreaPlaceArticles,
  listAreaPlaces,
  listCitiesNearArticles,
  listNearbyArticles,
  listNearbyArticlesByCity,
  listUnplacedArticles,
  type NearbyArticle,
} from './area-articles.js';
export { findAreaRingNeighbour, neighbourTagsOfArticles } from './area-ring.js';
export { markArticlesPublished, type PublishableArticle } from './articles.js';
export {
  BlueprintReferenceError,
  type ImportOptions,
  type ImportReport,
  importBlueprint,
} from './blueprint/index.js';
export { loadSpintaxDictionaries } from './dictionaries.js';
export {
  EXTENSION_TABLES,
  findTablesWithoutSiteForeignKey,
  findUnindexedForeignKeys,
  GLOBAL_REFERENCE_TABLES,
  listPublicTables,
  listTenantTables,
  SITE_HISTORY_TABLES,
  snapshotSchema,
} from './inspect.js';
export { type LibraryReach, loadLibraryReach } from './library-reach.js';
export {
  checksumOf,
  DEFAULT_MIGRATIONS_DIR,
  listMigrations,
  type MigrateOptions,
  type Migration,
  MigrationError,
  type MigrationReport,
  migrateDatabase,
} from './migrations.js';
export {
  appErrorFromPostgres,
  inputErrorOf,
  isDatabaseUnavailable,
  type PostgresErrorFields,
  SQLSTATE_INPUT_ERRORS,
} from './pg-errors.js';
export { createPool, type Pool, type PoolClient, type PoolOptions, withTransaction } from './pool.js';
export { findPublishedArticle, findPublishedArticlePage } from './published-articles.js';
export { findHoldingFlags, HOLDING_FLAG_SQL, type HoldingFlag } from './quality-gate.js';
export {
  claimWantedPages,
  invalidateRenderedPages,
  lookupRenderedPage,
  lookupRenderedPages,
  type RenderedPage,
  type RenderedPageKey,
  type RenderedPageLookup,
  renderedPageTagsOfArticles,
  storeRenderedPage,
  type WantedPage,
  wantPages,
} from './rendered-pages.js';
export { type ApplySchemaOptions, applySchema, DEFAULT_SCHEMA_DIR, listSchemaFiles } from './schema.js';
export {
  listLiveArticleLastmods,
  listSitemapArticles,
  type SitemapArticle,
  type SitemapArticleChunk,
  type SitemapArticleOptions,
  summarizeSitemapArticles,
} from './sitemap-articles.js';
export { loadTemplateLibrary, type TemplateLibrary } from './template-library.js';
export { type WorkLogEntry, writeWorkLog } from './work-log.js';
