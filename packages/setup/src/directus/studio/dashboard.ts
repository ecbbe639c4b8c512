import { STUDIO_DASHBOARD_ID } from '@spark/contracts';
import type { PoolClient } from 'pg';
import { studioId } from './ids.js';

export interface PanelDefinition {
  key: string;
  name: string;
  icon: string;
  type: string;
  note: string;
  position: { x: number; y: number; width: number; height: number };
  options: Record<string, unknown>;
}

/** Jobs still holding the queue: what "running" means to a marketer waiting for articles. */
const UNFINISHED_JOB = { status: { _in: ['pending', 'queued', 'running'] } };

/**
 * "Site overview": one dashboard for every editor. Insights runs each panel's query with the signed-in user's
 * token, so the editor policies decide the rows: alpha's editor counts alpha's articles, beta's editor beta's.
 * The panels therefore carry no site filter of their own.
 */
export const DASHBOARD = {
  id: STUDIO_DASHBOARD_ID,
  name: 'Site overview',
  icon: 'space_dashboard',
  note: 'Your site at a glance: articles by status, new leads and the jobs still running.',
  color: '#4F46E5',
} as const;

export const PANELS: PanelDefinition[] = [
  {
    key: 'articles-by-status',
    name: 'Articles by status',
    icon: 'feed',
    type: 'metric-list',
    note: 'How many of your articles are in each step, from queued to published.',
    position: { x: 1, y: 1, width: 16, height: 14 },
    options: {
      collection: 'generated_articles',
      groupByField: 'status',
      aggregateField: 'id',
      aggregateFunction: 'count',
      sortDirection: 'desc',
      limit: 10,
    },
  },
  {
    key: 'leads-per-day',
    name: 'Leads per day (last 30 days)',
    icon: 'contact_mail',
    type: 'time-series',
    note: 'New leads from your forms, per day.',
    position: { x: 17, y: 1, width: 32, height: 14 },
    options: {
      collection: 'leads',
      dateField: 'date_created',
      valueField: 'id',
      function: 'count',
      precision: 'day',
      range: '30 days',
      color: '#4F46E5',
      fillType: 'gradient',
      curveType: 'smooth',
      decimals: 0,
      showXAxis: true,
      showYAxis: true,
    },
  },
  {
    key: 'running-jobs',
    name: 'Running jobs',
    icon: 'pending_actions',
    type: 'list',
    note: 'Generation, linking and duplicate-scan jobs that have not finished yet.',
    position: { x: 1, y: 15, width: 24, height: 14 },
    options: {
      collection: 'generation_jobs',
      filter: UNFINISHED_JOB,
      displayTemplate: '{{type}} · {{status}} · {{processed}}/{{total}}',
      sortField: 'date_created',
      sortDirection: 'desc',
      limit: 10,
      linkToItem: true,
    },
  },
  {
    key: 'published-articles',
    name: 'Published articles',
    icon: 'public',
    type: 'metric',
    note: 'Articles live on your site.',
    position: { x: 25, y: 15, width: 12, height: 7 },
    options: {
      collection: 'generated_articles',
      field: 'id',
      function: 'count',
      filter: { status: { _eq: 'published' } },
    },
  },
  {
    key: 'new-leads',
    name: 'New leads',
    icon: 'mark_email_unread',
    type: 'metric',
    note: 'Leads nobody has contacted yet.',
    position: { x: 37, y: 15, width: 12, height: 7 },
    options: { collection: 'leads', field: 'id', function: 'count', filter: { status: { _eq: 'new' } } },
  },
];

export const panelId = (panel: PanelDefinition) => studioId(`panel:${panel.key}`);

export async function provisionDashboard(client: PoolClient): Promise<void> {
  await client.query(
    `insert into directus_dashboards (id, name, icon, note, color) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set name = excluded.name, icon = excluded.icon, note = excluded.note,
       color = excluded.color`,
    [DASHBOARD.id, DASHBOARD.name, DASHBOARD.icon, DASHBOARD.note, DASHBOARD.color],
  );
  const ids = PANELS.map(panelId);
  await client.query('delete from directus_panels where dashboard = $1 and not (id = any($2))', [
    DASHBOARD.id,
    ids,
  ]);
  for (const panel of PANELS) {
    await client.query(
      `insert into directus_panels (id, dashboard, name, icon, color, show_header, note, type, position_x,
         position_y, width, height, options)
       values ($1, $2, $3, $4, null, true, $5, $6, $7, $8, $9, $10, $11)
       on conflict (id) do update set dashboard = excluded.dashboard, name = excluded.name, icon = excluded.icon,
         show_header = true, note = excluded.note, type = excluded.type, position_x = excluded.position_x,
         position_y = excluded.position_y, width = excluded.width, height = excluded.height,
         options = excluded.options`,
      [
        panelId(panel),
        DASHBOARD.id,
        panel.name,
        panel.icon,
        panel.note,
        panel.type,
        panel.position.x,
        panel.position.y,
        panel.position.width,
        panel.position.height,
        JSON.stringify(panel.options),
      ],
    );
  }
}
