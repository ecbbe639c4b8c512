import type { ThemeColors } from '../../../components/site/theme.js';
import type { Tenant } from '../tenancy/resolve-tenant.js';
import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { buildNavigationTree, type NavNode } from './navigation-tree.js';
import { type GlobalsRow, globalsRowSchema, navigationRowSchema } from './schemas.js';

/** Everything the site chrome (head, header, footer, manifest) needs, for one tenant. */
export interface SiteChrome {
  siteId: string;
  name: string;
  tagline: string | null;
  logoUrl: string | null;
  faviconUrl: string | null;
  colors: ThemeColors;
  footerText: string | null;
  socialLinks: GlobalsRow['social_links'];
  allowedScriptSources: string[];
  navigation: NavNode[];
}

/** A neutral theme for a site whose globals are missing or incomplete, so it still renders legibly. */
export const DEFAULT_COLORS: ThemeColors = {
  primary: '#2563EB',
  secondary: '#1E293B',
  accent: '#F59E0B',
  background: '#FFFFFF',
  text: '#0F172A',
};

const GLOBALS_FIELDS = [
  'name',
  'tagline',
  'logo_url',
  'favicon_url',
  'colors',
  'footer_text',
  'social_links',
  'allowed_script_sources',
] as const;

async function loadGlobals(siteId: string, version: string | null): Promise<GlobalsRow | null> {
  const { rows } = await readItems(
    'globals',
    { fields: GLOBALS_FIELDS, filter: { site_id: { _eq: siteId } }, limit: 1, version },
    globalsRowSchema,
  );
  return rows[0] ?? null;
}

async function loadNavigation(siteId: string, version: string | null): Promise<NavNode[]> {
  const { rows } = await readItems(
    'navigation',
    {
      fields: ['id', 'parent_id', 'label', 'url', 'sort', 'is_cta'],
      filter: { site_id: { _eq: siteId } },
      limit: 500,
      version,
    },
    navigationRowSchema,
  );
  return buildNavigationTree(rows);
}

/** The site's colours over the defaults; a colour it lacks (or had that did not parse) keeps its default. */
function themeColors(colors: GlobalsRow['colors'] | undefined): ThemeColors {
  const theme = { ...DEFAULT_COLORS };
  for (const [name, value] of Object.entries(colors ?? {}))
    if (value !== undefined) theme[name as keyof ThemeColors] = value;
  return theme;
}

/**
 * The last chrome built per site with what it was built from. While the content memo hands out the same
 * globals and navigation objects, every page gets the same chrome object, so what is derived from it alone
 * (the rendered header and footer, see RenderOnce.astro) is computed once, and a new read means a new object.
 */
interface BuiltChrome {
  tenantName: string;
  globals: GlobalsRow | null;
  navigation: NavNode[];
  chrome: SiteChrome;
}
const lastBuilt = new Map<string, BuiltChrome>();
const MAX_SITES_KEPT = 1_000;

export async function loadSiteChrome(tenant: Pick<Tenant, 'id' | 'name'>): Promise<SiteChrome> {
  const [globals, navigation] = await Promise.all([
    cachedRead(tenant.id, 'globals', (version) => loadGlobals(tenant.id, version)),
    cachedRead(tenant.id, 'navigation', (version) => loadNavigation(tenant.id, version)),
  ]);
  const last = lastBuilt.get(tenant.id);
  if (last && last.globals === globals && last.navigation === navigation && last.tenantName === tenant.name)
    return last.chrome;
  const chrome = buildSiteChrome(tenant, globals, navigation);
  if (lastBuilt.size >= MAX_SITES_KEPT) lastBuilt.clear();
  lastBuilt.set(tenant.id, { tenantName: tenant.name, globals, navigation, chrome });
  return chrome;
}

function buildSiteChrome(
  tenant: Pick<Tenant, 'id' | 'name'>,
  globals: GlobalsRow | null,
  navigation: NavNode[],
): SiteChrome {
  return {
    siteId: tenant.id,
    name: globals?.name ?? tenant.name,
    tagline: globals?.tagline ?? null,
    logoUrl: globals?.logo_url ?? null,
    faviconUrl: globals?.favicon_url ?? null,
    colors: themeColors(globals?.colors),
    footerText: globals?.footer_text ?? null,
    socialLinks: globals?.social_links ?? [],
    allowedScriptSources: globals?.allowed_script_sources ?? [],
    navigation,
  };
}
