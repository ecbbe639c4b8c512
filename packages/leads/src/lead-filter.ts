import type { LeadStatus } from '@spark/contracts/api';

/** Which of a site's leads a table page or an export holds (one filter for both, so they always agree). */
export interface LeadFilter {
  siteId: string;
  /** Matches name, email or phone (a phone also by its digits alone, however it was typed). */
  q?: string;
  /** Without a status, suspected spam is left out: the table and exports feed sales. */
  status?: LeadStatus;
  formId?: string;
  utmSource?: string;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filter as SQL conditions on `leads l`; values are appended to `params` and referenced by position, so no
 * input ever becomes SQL text.
 */
export function leadFilterSql(filter: LeadFilter, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`l.site_id = ${bind(filter.siteId)}::uuid`];
  if (filter.q) {
    const text = bind(likePattern(filter.q));
    const matches = [`l.name ilike ${text}`, `l.email ilike ${text}`, `l.phone ilike ${text}`];
    const digits = filter.q.replace(/\D/g, '');
    if (digits.length >= 3)
      matches.push(`regexp_replace(coalesce(l.phone, ''), '\\D', '', 'g') like ${bind(`%${digits}%`)}`);
    where.push(`(${matches.join(' or ')})`);
  }
  where.push(filter.status ? `l.status = ${bind(filter.status)}` : `l.status <> 'spam'`);
  if (filter.formId) where.push(`l.form_id = ${bind(filter.formId)}::uuid`);
  if (filter.utmSource) where.push(`l.utm_source = ${bind(filter.utmSource)}`);
  if (filter.from) where.push(`l.date_created >= ${bind(filter.from)}::date`);
  if (filter.to) where.push(`l.date_created < ${bind(filter.to)}::date + 1`);
  return where.join(' and ');
}
