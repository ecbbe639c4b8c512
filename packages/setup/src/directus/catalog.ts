/**
 * How our tables look in the Directus Data Studio. The SQL schema is the source of truth for structure; this
 * file adds only presentation (folder, icon, display template). A table missing here still gets sensible
 * defaults, so adding a table never requires touching this file.
 */
export interface CollectionPresentation {
  folder: FolderName;
  icon: string;
  /** The name marketers know it by, shown in the navigation and in pickers. */
  label: string;
  displayTemplate?: string;
  note?: string;
  /**
   * Written by the system or reference data a marketer never edits directly (the inventory behind headlines,
   * fingerprints, rollups): hidden from the navigation. Still readable by editors where their policy allows,
   * so relational pickers and the API keep working.
   */
  internal?: true;
}

/** Folders in navigation order: what a marketer works in daily comes first. */
export const FOLDERS = {
  factory: { icon: 'precision_manufacturing', label: 'Content factory' },
  website: { icon: 'web', label: 'Website' },
  library: { icon: 'library_books', label: 'Library' },
  leads: { icon: 'insights', label: 'Leads' },
  quality: { icon: 'rule', label: 'Quality & links' },
  geo: { icon: 'public', label: 'Geography' },
  tenancy: { icon: 'domain', label: 'Sites & members' },
  operations: { icon: 'history', label: 'Operations' },
} as const;

export type FolderName = keyof typeof FOLDERS;

/** Folder collections are Directus-only groups; the prefix keeps them apart from real tables. */
export const folderCollection = (folder: FolderName) => `folder_${folder}`;

/** In navigation order within each folder. */
export const COLLECTIONS: Record<string, CollectionPresentation> = {
  campaign_masters: {
    folder: 'factory',
    icon: 'campaign',
    label: 'Campaigns',
    displayTemplate: '{{name}} · {{status}}',
    note: 'A campaign turns one headline spintax, its audiences and places into many articles.',
  },
  generated_articles: {
    folder: 'factory',
    icon: 'feed',
    label: 'Articles',
    displayTemplate: '{{title}}',
    note: 'Articles written by your campaigns: review, approve and publish them here.',
  },
  generation_jobs: {
    folder: 'factory',
    icon: 'pending_actions',
    label: 'Jobs',
    displayTemplate: '{{type}} · {{status}}',
    note: 'Background work (writing articles, linking, duplicate scans) and its progress.',
  },
  headline_inventory: {
    folder: 'factory',
    icon: 'title',
    label: 'Headlines',
    displayTemplate: '{{text}}',
    internal: true,
  },
  pages: { folder: 'website', icon: 'article', label: 'Pages', displayTemplate: '{{title}} ({{permalink}})' },
  posts: { folder: 'website', icon: 'edit_note', label: 'Blog posts', displayTemplate: '{{title}}' },
  hub_pages: { folder: 'website', icon: 'hub', label: 'Hub pages', displayTemplate: '{{title}}' },
  navigation: {
    folder: 'website',
    icon: 'menu',
    label: 'Navigation',
    displayTemplate: '{{label}} → {{url}}',
  },
  forms: { folder: 'website', icon: 'dynamic_form', label: 'Forms', displayTemplate: '{{name}}' },
  authors: { folder: 'website', icon: 'person', label: 'Authors', displayTemplate: '{{name}}' },
  globals: { folder: 'website', icon: 'palette', label: 'Site settings', displayTemplate: '{{name}}' },
  avatar_intelligence: { folder: 'library', icon: 'face', label: 'Avatars', displayTemplate: '{{name}}' },
  avatar_variants: {
    folder: 'library',
    icon: 'face_retouching_natural',
    label: 'Avatar variants',
    displayTemplate: '{{name}}',
  },
  article_templates: {
    folder: 'library',
    icon: 'view_agenda',
    label: 'Article templates',
    displayTemplate: '{{name}}',
  },
  content_fragments: {
    folder: 'library',
    icon: 'segment',
    label: 'Content fragments',
    displayTemplate: '{{fragment_type}}',
  },
  spintax_dictionaries: {
    folder: 'library',
    icon: 'shuffle',
    label: 'Dictionaries',
    displayTemplate: '{{category}}',
  },
  cartesian_patterns: {
    folder: 'library',
    icon: 'grid_on',
    label: 'Headline patterns',
    displayTemplate: '{{name}}',
  },
  offer_blocks: { folder: 'library', icon: 'local_offer', label: 'Offers', displayTemplate: '{{name}}' },
  geo_clusters: {
    folder: 'library',
    icon: 'scatter_plot',
    label: 'Location clusters',
    displayTemplate: '{{name}}',
  },
  leads: { folder: 'leads', icon: 'contact_mail', label: 'Leads', displayTemplate: '{{email}}' },
  // Written from the admin's lead pages, one per comment on a lead: read there, never browsed on their own.
  lead_notes: { folder: 'leads', icon: 'sticky_note_2', label: 'Lead notes', internal: true },
  form_submissions: { folder: 'leads', icon: 'inbox', label: 'Form submissions', internal: true },
  pageviews: { folder: 'leads', icon: 'visibility', label: 'Page views', internal: true },
  events: { folder: 'leads', icon: 'bolt', label: 'Events', internal: true },
  conversions: { folder: 'leads', icon: 'paid', label: 'Conversions', internal: true },
  analytics_daily_rollups: {
    folder: 'leads',
    icon: 'stacked_line_chart',
    label: 'Daily analytics',
    internal: true,
  },
  analytics_hourly_rollups: {
    folder: 'leads',
    icon: 'schedule',
    label: 'Hourly analytics',
    internal: true,
  },
  quality_flags: {
    folder: 'quality',
    icon: 'flag',
    label: 'Quality flags',
    displayTemplate: '{{type}} · {{status}}',
  },
  link_targets: { folder: 'quality', icon: 'link', label: 'Link targets', displayTemplate: '{{url}}' },
  article_links: { folder: 'quality', icon: 'add_link', label: 'Article links', internal: true },
  article_fingerprints: { folder: 'quality', icon: 'fingerprint', label: 'Fingerprints', internal: true },
  geo_states: {
    folder: 'geo',
    icon: 'map',
    label: 'States',
    displayTemplate: '{{name}} ({{code}})',
    internal: true,
  },
  geo_counties: {
    folder: 'geo',
    icon: 'location_city',
    label: 'Counties',
    displayTemplate: '{{name}}',
    internal: true,
  },
  geo_cities: { folder: 'geo', icon: 'place', label: 'Cities', displayTemplate: '{{name}}', internal: true },
  geo_cluster_members: { folder: 'geo', icon: 'join_inner', label: 'Cluster members', internal: true },
  sites: {
    folder: 'tenancy',
    icon: 'language',
    label: 'Sites',
    displayTemplate: '{{name}} ({{domain}})',
    internal: true,
  },
  site_members: {
    folder: 'tenancy',
    icon: 'group',
    label: 'Site members',
    displayTemplate: '{{user_id.email}} · {{role}}',
    internal: true,
  },
  work_log: {
    folder: 'operations',
    icon: 'history',
    label: 'Work log',
    displayTemplate: '{{action}} {{entity_type}}',
    internal: true,
  },
};

/** The collections marketers see in the navigation. */
export const MARKETER_COLLECTIONS = Object.entries(COLLECTIONS)
  .filter(([, presentation]) => !presentation.internal)
  .map(([collection]) => collection);

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
