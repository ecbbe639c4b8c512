/**
 * How our tables look in the Directus Data Studio. The SQL schema is the source of truth for structure; this
 * file adds only presentation (folder, icon, display template). A table missing here still gets sensible
 * defaults, so adding a table never requires touching this file.
 */
export interface CollectionPresentation {
  folder: FolderName;
  icon: string;
  displayTemplate?: string;
  note?: string;
}

export const FOLDERS = {
  tenancy: { icon: 'domain', label: 'Tenancy' },
  website: { icon: 'web', label: 'Website content' },
  factory: { icon: 'precision_manufacturing', label: 'Content factory' },
  library: { icon: 'library_books', label: 'Content library' },
  geo: { icon: 'public', label: 'Geography' },
  quality: { icon: 'rule', label: 'Quality & links' },
  leads: { icon: 'insights', label: 'Leads & analytics' },
  operations: { icon: 'history', label: 'Operations' },
} as const;

export type FolderName = keyof typeof FOLDERS;

/** Folder collections are Directus-only groups; the prefix keeps them apart from real tables. */
export const folderCollection = (folder: FolderName) => `folder_${folder}`;

export const COLLECTIONS: Record<string, CollectionPresentation> = {
  sites: { folder: 'tenancy', icon: 'language', displayTemplate: '{{name}} ({{domain}})' },
  site_members: { folder: 'tenancy', icon: 'group', displayTemplate: '{{user_id.email}} · {{role}}' },
  globals: { folder: 'tenancy', icon: 'palette', displayTemplate: '{{name}}' },
  navigation: { folder: 'website', icon: 'menu', displayTemplate: '{{label}} → {{url}}' },
  pages: { folder: 'website', icon: 'article', displayTemplate: '{{title}} ({{permalink}})' },
  posts: { folder: 'website', icon: 'edit_note', displayTemplate: '{{title}}' },
  authors: { folder: 'website', icon: 'person', displayTemplate: '{{name}}' },
  forms: { folder: 'website', icon: 'dynamic_form', displayTemplate: '{{name}}' },
  hub_pages: { folder: 'website', icon: 'hub', displayTemplate: '{{title}}' },
  campaign_masters: { folder: 'factory', icon: 'campaign', displayTemplate: '{{name}} · {{status}}' },
  generation_jobs: { folder: 'factory', icon: 'pending_actions', displayTemplate: '{{type}} · {{status}}' },
  generated_articles: { folder: 'factory', icon: 'feed', displayTemplate: '{{title}}' },
  headline_inventory: { folder: 'factory', icon: 'title', displayTemplate: '{{text}}' },
  article_templates: { folder: 'library', icon: 'view_agenda', displayTemplate: '{{name}}' },
  content_fragments: { folder: 'library', icon: 'segment', displayTemplate: '{{type}}' },
  spintax_dictionaries: { folder: 'library', icon: 'shuffle', displayTemplate: '{{category}}' },
  cartesian_patterns: { folder: 'library', icon: 'grid_on', displayTemplate: '{{name}}' },
  offer_blocks: { folder: 'library', icon: 'local_offer', displayTemplate: '{{name}}' },
  avatar_intelligence: { folder: 'library', icon: 'face', displayTemplate: '{{name}}' },
  avatar_variants: { folder: 'library', icon: 'face_retouching_natural', displayTemplate: '{{name}}' },
  geo_states: { folder: 'geo', icon: 'map', displayTemplate: '{{name}} ({{code}})' },
  geo_counties: { folder: 'geo', icon: 'location_city', displayTemplate: '{{name}}' },
  geo_cities: { folder: 'geo', icon: 'place', displayTemplate: '{{name}}' },
  geo_clusters: { folder: 'geo', icon: 'scatter_plot', displayTemplate: '{{name}}' },
  geo_cluster_members: { folder: 'geo', icon: 'join_inner' },
  link_targets: { folder: 'quality', icon: 'link', displayTemplate: '{{url}}' },
  article_links: { folder: 'quality', icon: 'add_link' },
  quality_flags: { folder: 'quality', icon: 'flag', displayTemplate: '{{type}} · {{status}}' },
  article_fingerprints: { folder: 'quality', icon: 'fingerprint' },
  leads: { folder: 'leads', icon: 'contact_mail', displayTemplate: '{{email}}' },
  form_submissions: { folder: 'leads', icon: 'inbox' },
  pageviews: { folder: 'leads', icon: 'visibility' },
  events: { folder: 'leads', icon: 'bolt' },
  conversions: { folder: 'leads', icon: 'paid' },
  analytics_daily_rollups: { folder: 'leads', icon: 'stacked_line_chart' },
  work_log: { folder: 'operations', icon: 'history', displayTemplate: '{{action}} {{entity_type}}' },
};

/** Columns that hold a Directus user id; SQL cannot reference `directus_users`, which Directus creates later. */
export const USER_COLUMNS = ['site_members.user_id', 'work_log.user_id', 'generation_jobs.created_by'];

/** Columns edited as HTML in the Data Studio. */
export const HTML_COLUMNS = new Set(['html_content', 'html', 'body_html', 'content_html']);

/** Columns edited as multi-line text. */
export const LONG_TEXT_COLUMN = /(description|excerpt|message|body|text|notes|spintax|pattern|footer)/;

/** Preferred display-template columns when a collection has no explicit one. */
export const TEMPLATE_CANDIDATES = [
  'name',
  'title',
  'label',
  'domain',
  'permalink',
  'slug',
  'email',
  'url',
  'type',
];
