import { BLOCK_TYPES, FORM_FIELD_TYPES, GlobalsSchema, SOCIAL_NETWORKS } from '@spark/contracts';

/** The brand colours a site's theme reads, each edited with a colour picker. */
const BRAND_COLOR_KEYS = GlobalsSchema.shape.colors.keyof().options;

/**
 * How marketers see the fields of our collections in the Data Studio: a note on every field they see, pickers and
 * repeaters instead of raw JSON, and fields that only matter in one mode shown only in that mode.
 */

/** Notes for columns that mean the same everywhere. */
export const NOTES_BY_COLUMN: Record<string, string> = {
  site_id: 'The site this belongs to. Filled in from your editor account when you create it.',
  name: 'The name your team uses for it; shown in lists and pickers.',
  title: 'The title visitors see as the heading.',
  slug: 'The last part of the address: lowercase letters, digits and hyphens (e.g. "roof-repair-austin").',
  status: 'Where it is in its life: only published items appear on your site.',
  description: 'A short explanation for your team; not shown to visitors.',
  meta_title: 'The title search engines show, at most 60 characters. Empty: the title is used.',
  meta_description: 'The snippet search engines show under the title, at most 155 characters.',
  published_at: 'When it went live. Set for you when you publish; a future date holds it back until then.',
  date_created: 'When it was created.',
  date_updated: 'When it was last changed.',
  avatar_id: 'The audience (avatar) this is written for.',
  campaign_id: 'The campaign it belongs to.',
  author_id: 'The author shown on the page.',
  form_id: 'The form it belongs to.',
  state_id: 'The state it is about.',
  county_id: 'The county it is about.',
  city_id: 'The city it is about.',
  html_content: 'The body text, formatted.',
  excerpt: 'A short summary shown in lists and link previews.',
};

/** Notes for one column of one collection (`collection.field`); these win over the shared ones. */
export const FIELD_NOTES: Record<string, string> = {
  'campaign_masters.name': 'A name for the campaign, unique on your site.',
  'campaign_masters.status':
    'Draft while you set it up; Active writes articles at the pace below; Paused stops; Completed is done.',
  'campaign_masters.headline_spintax_root':
    'The headline pattern, one per line: {a|b} picks one option, {City}, {State_Code} or one of your niche variables such as {Service} inserts a value. Errors are shown with their line and column.',
  'campaign_masters.niche_variables':
    'Your own variables for headlines and templates: name "service" with value "roof repair" fills {Service}.',
  'campaign_masters.location_mode':
    'Where articles are about: none, one state, county or city, or every city within a radius.',
  'campaign_masters.target_state_id': 'The state whose cities the campaign writes about.',
  'campaign_masters.target_county_id': 'The county whose cities the campaign writes about.',
  'campaign_masters.target_city_id': 'The one city the campaign writes about.',
  'campaign_masters.radius_center': 'The centre of the radius: click the map to place it.',
  'campaign_masters.radius_km': 'How far from the centre, in kilometres, cities are included.',
  'campaign_masters.avatar_ids': 'The audiences to write for; each headline is written once per avatar.',
  'campaign_masters.template_id': 'The article template that decides the sections of each article.',
  'campaign_masters.target_word_count': 'About how many words each article should have.',
  'campaign_masters.velocity_mode': 'Steady publishes the same number every day; Ramp up grows it over time.',
  'campaign_masters.velocity_per_day':
    'How many articles to publish per day (the starting pace when ramping up).',
  'campaign_masters.velocity_ramp_to': 'The daily pace to reach when ramping up.',
  'campaign_masters.velocity_ramp_days': 'How many days the ramp up takes.',
  'campaign_masters.weekend_throttle':
    'Share of the daily pace published on weekends: 1 is the same as weekdays, 0 pauses weekends.',
  'campaign_masters.timezone': 'The time zone the daily schedule follows, e.g. America/Chicago.',
  'campaign_masters.auto_generate':
    'How many articles to queue automatically when the campaign is set to Active (0: none, at most 10,000).',
  'generated_articles.campaign_id': 'The campaign that wrote this article.',
  'generated_articles.job_id': 'The job that wrote this article.',
  'generated_articles.headline_id': 'The headline this article was written from.',
  'generated_articles.title': 'The article’s headline, as visitors see it.',
  'generated_articles.html_content':
    'The article text. Edits here are kept; the campaign does not rewrite it.',
  'generated_articles.schema_json':
    'Structured data for search engines, filled in when the article is published.',
  'generated_articles.word_count': 'Words in the article text, counted when it was written.',
  'generated_articles.fragment_ids': 'The library fragments this article was assembled from.',
  'generated_articles.status':
    'Queued and processing while it is written; QC needs a review; approved, scheduled or published after that.',
  'generated_articles.priority': 'Higher numbers are written and published first.',
  'generated_articles.generation_key': 'The article’s fingerprint within its campaign; prevents duplicates.',
  'generated_articles.publish_at': 'For scheduled articles: when they go live.',
  'generated_articles.quality_override_at': 'When someone published it despite open quality flags.',
  'generated_articles.quality_override_by': 'Who published it despite open quality flags.',
  'generated_articles.quality_flags': 'Quality problems found in this article (duplicates, short text, …).',
  'generation_jobs.type':
    'What the job does: write headlines or articles, scan duplicates, insert links, publish.',
  'generation_jobs.status':
    'Pending and queued jobs wait; running ones are at work; then completed, failed or cancelled.',
  'generation_jobs.params': 'The settings the job was started with.',
  'generation_jobs.total': 'How many items the job will handle.',
  'generation_jobs.processed': 'How many items are done.',
  'generation_jobs.failed': 'How many items failed.',
  'generation_jobs.progress': 'Percent done.',
  'generation_jobs.error': 'Why the job failed, when it did.',
  'generation_jobs.queue_job_id': 'The job’s id in the background queue, for support.',
  'generation_jobs.started_at': 'When the job started running.',
  'generation_jobs.finished_at': 'When the job finished.',
  'pages.permalink': 'The page’s address on your site, starting with "/" (the home page is "/").',
  'pages.blocks': `The page’s sections, top to bottom. Each block has a "type" (${BLOCK_TYPES.join(', ')}); a block with a wrong field is refused on save with its number and field.`,
  'pages.og_image_url': 'The image shown when the page is shared on social networks.',
  'pages.noindex': 'On: search engines are asked not to list this page.',
  'posts.cover_image_url': 'The image at the top of the post and in link previews.',
  'posts.tags': 'Topics of the post; blog lists can be filtered by tag.',
  'hub_pages.kind': 'What the hub gathers: a state, county, city, cluster or topic.',
  'hub_pages.intro_html': 'The introduction shown above the list of articles.',
  'hub_pages.cluster_id': 'The location cluster this hub gathers.',
  'hub_pages.campaign_id': 'The campaign whose articles this hub lists.',
  'navigation.parent_id': 'The menu entry this one sits under; empty for a top-level entry.',
  'navigation.label': 'The text of the menu entry.',
  'navigation.url': 'Where the entry leads: a path on your site ("/contact") or a full address.',
  'navigation.sort': 'Position in the menu: lower numbers come first.',
  'navigation.is_cta': 'On: shown as a button instead of a plain link.',
  'forms.slug': 'How pages refer to this form (a "form" block names it).',
  'forms.fields': 'The questions of the form, in order. Select fields need options.',
  'forms.success_message': 'What visitors read after sending the form.',
  'forms.redirect_url': 'Optional: send visitors to this address after sending instead.',
  'forms.webhook_url': 'Optional: an https address that receives every submission.',
  'forms.webhook_secret': 'Signs webhook deliveries so the receiver can check they came from your site.',
  'authors.bio': 'A few lines about the author, shown with their articles.',
  'authors.avatar_url': 'The author’s photo.',
  'globals.name': 'Your site’s name, in the header and page titles.',
  'globals.tagline': 'A short line under the site name.',
  'globals.logo_url': 'The logo in the header.',
  'globals.favicon_url': 'The small icon in browser tabs.',
  'globals.colors': 'Brand colours of your site: pick each one or type its hex code (e.g. #1d4ed8).',
  'globals.footer_text': 'The text at the bottom of every page.',
  'globals.social_links': 'Links to your social profiles, shown in the footer.',
  'globals.allowed_script_sources': 'Addresses your site may load scripts from (analytics, chat widgets).',
  'avatar_intelligence.name': 'The audience’s name, e.g. "Busy homeowner".',
  'avatar_intelligence.description': 'Who they are, in a sentence or two.',
  'avatar_intelligence.pain_points': 'What troubles them; articles speak to these.',
  'avatar_intelligence.goals': 'What they want to achieve.',
  'avatar_intelligence.tone': 'How to speak to them, e.g. "friendly and direct".',
  'avatar_variants.avatar_id': 'The avatar this is a variant of.',
  'avatar_variants.variables': 'Words this variant fills in: e.g. name "pronoun", value "you".',
  'article_templates.fragment_types': 'The sections of an article, in order, by fragment type.',
  'content_fragments.fragment_type':
    'Which section this fragment can fill (matches a template’s fragment types).',
  'content_fragments.body': 'The text of the section; may use spintax {a|b} and variables such as {City}.',
  'content_fragments.usage_count': 'How many articles use this fragment.',
  'spintax_dictionaries.category':
    'The name templates use to pick a term from this list (letters, digits and _).',
  'spintax_dictionaries.terms': 'The words or phrases to choose from.',
  'cartesian_patterns.pattern': 'A headline pattern combining dictionaries and variables.',
  'offer_blocks.avatar_id': 'Show this offer only to articles for this avatar (empty: all).',
  'offer_blocks.headline': 'The offer’s headline.',
  'offer_blocks.body': 'The offer’s text.',
  'offer_blocks.cta_label': 'The button text.',
  'offer_blocks.cta_url': 'Where the button leads.',
  'geo_clusters.description': 'What the cities of this cluster have in common.',
  'leads.email': 'The visitor’s e-mail address.',
  'leads.name': 'The visitor’s name.',
  'leads.phone': 'The visitor’s phone number.',
  'leads.data': 'Everything else the visitor entered in the form.',
  'leads.consent': 'Whether the visitor agreed to be contacted.',
  'leads.consent_text': 'The exact wording they agreed to.',
  'leads.page_url': 'The page the form was sent from.',
  'leads.visitor_hash': 'An anonymous visitor id, to connect visits and leads without personal data.',
  'leads.utm_source': 'Campaign tracking: where the visitor came from (utm_source).',
  'leads.utm_medium': 'Campaign tracking: the channel (utm_medium).',
  'leads.utm_campaign': 'Campaign tracking: the ad campaign (utm_campaign).',
  'leads.utm_term': 'Campaign tracking: the keyword (utm_term).',
  'leads.utm_content': 'Campaign tracking: the ad variant (utm_content).',
  'leads.gclid': 'Google Ads click id.',
  'leads.fbclid': 'Meta (Facebook) click id.',
  'leads.msclkid': 'Microsoft Ads click id.',
  'leads.status': 'Your follow-up: new, contacted, qualified, converted, rejected or spam.',
  'leads.spam_reason': 'Why the lead was marked as spam.',
  'quality_flags.article_id': 'The article with the problem.',
  'quality_flags.other_article_id': 'For duplicates: the article it is too similar to.',
  'quality_flags.type': 'The problem: near duplicate, too short, unfilled variable or broken HTML.',
  'quality_flags.score': 'For duplicates: how similar the two articles are (1 is identical).',
  'quality_flags.excerpt': 'The part of the text with the problem.',
  'quality_flags.details': 'Technical details of the check.',
  'quality_flags.status': 'Open until someone fixes (resolved) or accepts (ignored) it.',
  'link_targets.url': 'The page to link to: a path on your site or a full address.',
  'link_targets.anchor_texts': 'The link texts to use.',
  'link_targets.keywords': 'Words in an article that make a good place for this link.',
  'link_targets.priority': 'Higher numbers are linked first.',
  'link_targets.is_active': 'Off: no new links to this target are inserted.',
};

type Condition = { name: string; rule: Record<string, unknown>; hidden: boolean };

/** Shows a field only while `field` has one of `values`. */
function onlyWhen(field: string, values: string[], label: string): Condition[] {
  return [{ name: `Only ${label}`, rule: { [field]: { _nin: values } }, hidden: true }];
}

export const FIELD_CONDITIONS: Record<string, Condition[]> = {
  'campaign_masters.target_state_id': onlyWhen('location_mode', ['state'], 'in state mode'),
  'campaign_masters.target_county_id': onlyWhen('location_mode', ['county'], 'in county mode'),
  'campaign_masters.target_city_id': onlyWhen('location_mode', ['city'], 'in city mode'),
  'campaign_masters.radius_center': onlyWhen('location_mode', ['radius'], 'in radius mode'),
  'campaign_masters.radius_km': onlyWhen('location_mode', ['radius'], 'in radius mode'),
  'campaign_masters.velocity_ramp_to': onlyWhen('velocity_mode', ['ramp_up'], 'when ramping up'),
  'campaign_masters.velocity_ramp_days': onlyWhen('velocity_mode', ['ramp_up'], 'when ramping up'),
  'generated_articles.publish_at': onlyWhen('status', ['scheduled'], 'for scheduled articles'),
  'hub_pages.state_id': onlyWhen('kind', ['state', 'county', 'city'], 'for place hubs'),
  'hub_pages.county_id': onlyWhen('kind', ['county', 'city'], 'for county and city hubs'),
  'hub_pages.city_id': onlyWhen('kind', ['city'], 'for city hubs'),
  'hub_pages.cluster_id': onlyWhen('kind', ['cluster'], 'for cluster hubs'),
  'leads.spam_reason': onlyWhen('status', ['spam'], 'for spam'),
};

/** A list of short texts stored as a JSON array of strings. */
const tagList = {
  special: 'cast-json',
  interface: 'tags',
  options: { allowCustom: true },
  display: 'labels',
  display_options: null,
};

const choicesOf = (values: readonly string[]) => values.map((value) => ({ text: value, value }));

/** A repeater sub-field in the shape the `list` interface stores. */
function subField(field: string, type: string, meta: Record<string, unknown>) {
  return { field, name: field, type, meta: { field, type, width: 'half', ...meta } };
}

export interface FieldPresentation {
  special?: string | null;
  interface?: string;
  options?: Record<string, unknown> | null;
  display?: string | null;
  display_options?: Record<string, unknown> | null;
  readonly?: boolean;
  hidden?: boolean;
  /** The field's label, where the column name would not read well (`avatar_ids` is "Avatars"). */
  label?: string;
}

export const FIELD_PRESENTATION: Record<string, FieldPresentation> = {
  'spintax_dictionaries.terms': tagList,
  'avatar_intelligence.pain_points': tagList,
  'avatar_intelligence.goals': tagList,
  'link_targets.anchor_texts': tagList,
  'link_targets.keywords': tagList,
  'posts.tags': tagList,
  'article_templates.fragment_types': tagList,
  'globals.social_links': {
    special: 'cast-json',
    interface: 'list',
    options: {
      template: '{{network}}: {{url}}',
      addLabel: 'Add a profile',
      fields: [
        subField('network', 'string', {
          interface: 'select-dropdown',
          options: { choices: choicesOf(SOCIAL_NETWORKS) },
          required: true,
        }),
        subField('url', 'string', {
          interface: 'input',
          options: { placeholder: 'https://…' },
          required: true,
        }),
      ],
    },
    display: 'formatted-json-value',
    display_options: { format: '{{network}}' },
  },
  'forms.fields': {
    special: 'cast-json',
    interface: 'list',
    options: {
      template: '{{label}} ({{type}})',
      addLabel: 'Add a question',
      fields: [
        subField('name', 'string', {
          interface: 'input',
          options: { placeholder: 'snake_case name, e.g. phone', font: 'monospace' },
          required: true,
        }),
        subField('label', 'string', { interface: 'input', required: true }),
        subField('type', 'string', {
          interface: 'select-dropdown',
          options: { choices: choicesOf(FORM_FIELD_TYPES) },
          required: true,
        }),
        subField('required', 'boolean', { interface: 'boolean', required: true }),
        subField('options', 'json', {
          interface: 'tags',
          options: { allowCustom: true, placeholder: 'Choices of a select field' },
        }),
        subField('max_length', 'integer', { interface: 'input' }),
      ],
    },
    display: 'formatted-json-value',
    display_options: { format: '{{label}}' },
  },
  'campaign_masters.niche_variables': {
    special: 'cast-json',
    interface: 'spark-key-value',
    options: { keyPlaceholder: 'service' },
  },
  'avatar_variants.variables': {
    special: 'cast-json',
    interface: 'spark-key-value',
    options: { keyPlaceholder: 'pronoun' },
  },
  'campaign_masters.avatar_ids': {
    label: 'Avatars',
    interface: 'spark-item-picker',
    options: { relatedCollection: 'avatar_intelligence', displayField: 'name' },
    display: 'labels',
  },
  'globals.colors': {
    special: 'cast-json',
    interface: 'spark-key-value',
    options: { keys: [...BRAND_COLOR_KEYS], valueType: 'color' },
  },
  'pages.blocks': {
    special: 'cast-json',
    interface: 'input-code',
    options: {
      language: 'json',
      template:
        '[\n  { "type": "hero", "heading": "Your headline" },\n  { "type": "rich_text", "html": "<p>…</p>" }\n]',
    },
  },
  'generated_articles.job_id': { readonly: true },
  'generated_articles.headline_id': { readonly: true },
  'generated_articles.generation_key': { readonly: true, hidden: true },
  'generated_articles.fragment_ids': { readonly: true, hidden: true },
  'generated_articles.schema_json': { readonly: true },
  'generated_articles.word_count': { readonly: true },
  'generated_articles.quality_override_at': { readonly: true },
  'generated_articles.quality_override_by': { readonly: true },
  'content_fragments.usage_count': { readonly: true },
  'leads.visitor_hash': { readonly: true },
};

/**
 * One-to-many views that exist only in the Studio (no column): an article's quality flags, shown as a list
 * column and on the article form. `via` is the foreign key on the many side.
 */
export const ALIAS_FIELDS = [
  {
    collection: 'generated_articles',
    field: 'quality_flags',
    related: 'quality_flags',
    via: 'article_id',
    template: '{{type}} · {{status}}',
  },
];
