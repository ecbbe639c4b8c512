import type { LeadList, LeadListQuery } from '@spark/contracts/api';
import type { Pool } from '@spark/db';
import { type LeadFilter, leadFilterSql } from './lead-filter.js';

const SORT_COLUMNS: Record<LeadListQuery['sort'], string> = {
  date_created: 'l.date_created',
  name: 'lower(l.name)',
  email: 'lower(l.email)',
  status: 'l.status',
};

export interface LeadPageRequest {
  sort: LeadListQuery['sort'];
  dir: LeadListQuery['dir'];
  limit: number;
  offset: number;
}

type Row = Omit<LeadList['data'][number], 'date_created'> & { date_created: Date };

/**
 * One page of the site's leads for the admin table, with the total and what the filters can offer. The order
 * always ends in the lead id, so equal sort values (same name, same status) keep one order between requests and
 * an offset page never repeats or skips a lead.
 */
export async function listLeads(db: Pool, filter: LeadFilter, page: LeadPageRequest): Promise<LeadList> {
  const params: unknown[] = [];
  const where = leadFilterSql(filter, params);
  const dir = page.dir === 'asc' ? 'asc' : 'desc';
  const order = `${SORT_COLUMNS[page.sort]} ${dir} nulls last, l.date_created ${dir}, l.id ${dir}`;
  const [rows, total, forms, sources] = await Promise.all([
    db.query<Row>(
      `select l.id, l.date_created, l.status, l.name, l.email, l.phone, l.utm_source,
              case when f.id is null then null
                   else jsonb_build_object('id', f.id, 'slug', f.slug, 'name', f.name) end as form,
              (select s.webhook_status from form_submissions s
               where s.lead_id = l.id order by s.date_created desc, s.id desc limit 1) as webhook_status
       from leads l left join forms f on f.id = l.form_id
       where ${where}
       order by ${order}
       limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, page.limit, page.offset],
    ),
    db.query<{ total: number }>(`select count(*)::int as total from leads l where ${where}`, params),
    db.query<LeadList['facets']['forms'][number]>(
      'select id, slug, name from forms where site_id = $1 order by name, id',
      [filter.siteId],
    ),
    db.query<{ utm_source: string }>(
      `select distinct utm_source from leads
       where site_id = $1 and utm_source is not null order by utm_source limit 200`,
      [filter.siteId],
    ),
  ]);
  return {
    data: rows.rows.map((row) => ({ ...row, date_created: row.date_created.toISOString() })),
    total: total.rows[0]?.total ?? 0,
    facets: { forms: forms.rows, utm_sources: sources.rows.map((row) => row.utm_source) },
  };
}
