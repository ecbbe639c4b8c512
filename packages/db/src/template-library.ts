import type { Pool, PoolClient } from 'pg';

/** The fragments a campaign's articles are assembled from, read once and shared by every check of a preview. */
export interface TemplateLibrary {
  readonly templateId: string;
  /** The template's slots, in order. */
  readonly slotTypes: string[];
  readonly fragments: { id: string; type: string; body: string }[];
}

/**
 * The template (the site's own or a shared one) and the fragments of its slot types that an article of the
 * campaign can use: the site's own and the shared library's, written for one of its avatars or for any. null
 * without a template, or when the template is not visible to the site.
 */
export async function loadTemplateLibrary(
  client: Pool | PoolClient,
  source: { site_id: string; template_id: string | null; avatar_ids: readonly string[] },
): Promise<TemplateLibrary | null> {
  if (source.template_id === null) return null;
  const { rows: templates } = await client.query<{ fragment_types: unknown }>(
    'select fragment_types from article_templates where id = $1 and (site_id = $2 or site_id is null)',
    [source.template_id, source.site_id],
  );
  const template = templates[0];
  if (!template) return null;
  const slotTypes = Array.isArray(template.fragment_types)
    ? template.fragment_types.filter((type): type is string => typeof type === 'string')
    : [];
  const { rows } = await client.query<{ id: string; type: string; body: string }>(
    `select id, fragment_type as type, body from content_fragments
     where (site_id = $1 or site_id is null) and fragment_type = any($2::text[])
       and (avatar_id is null or avatar_id = any($3::uuid[]))
     order by id`,
    [source.site_id, slotTypes, source.avatar_ids],
  );
  return { templateId: source.template_id, slotTypes, fragments: rows };
}
