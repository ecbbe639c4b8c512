export { type Credential, deriveToken, ensureDemoEditors, ensureSsrReader } from './demo-users.js';
export {
  type AccessModel,
  PUBLIC_FILES_FOLDER,
  PUBLIC_FILES_FOLDER_ID,
  PUBLISHED_CONTENT_POLICY,
  provisionAccessModel,
  SSR_READER_ROLE,
  siteEditorName,
} from './directus/access.js';
export { createDirectusClient, type DirectusClient } from './directus/client.js';
export { introspectSchema, parseEnumerationCheck, type SchemaInfo } from './directus/introspect.js';
export { buildDirectusMetadata, type DirectusMetadata } from './directus/metadata.js';
export { registerDirectusMetadata } from './directus/register.js';
export { disableLoginSuspension } from './directus/settings.js';
export { provisionDataStudio, provisionStudioFlows, type StudioOptions } from './directus/studio/index.js';
export {
  ensureSiteMember,
  ensureUser,
  linkDirectusUsers,
  syncAdminPassword,
  syncAdminToken,
} from './directus/users.js';
export {
  decideFreshInstall,
  type FreshInstallDecision,
  type WipeReport,
  wipeDatabase,
} from './fresh-install.js';
export {
  describeGeographyLoad,
  type GeographyLoad,
  type GeographyMode,
  GeographyModeSchema,
  loadGeography,
} from './geography/index.js';
export { DEFAULT_BLUEPRINT_DIR, seedBlueprints } from './seed.js';
