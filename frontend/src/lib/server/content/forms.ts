import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { type FormDefinition, formRowSchema } from './schemas.js';

/** The site's form definition by slug (the reader never sees webhook URLs or secrets). */
export function findForm(siteId: string, slug: string): Promise<FormDefinition | null> {
  return cachedRead(siteId, `form:${slug}`, async (version) => {
    const { rows } = await readItems(
      'forms',
      {
        fields: ['slug', 'name', 'fields', 'success_message', 'redirect_url'],
        filter: { site_id: { _eq: siteId }, slug: { _eq: slug } },
        limit: 1,
        version,
      },
      formRowSchema,
    );
    return rows[0] ?? null;
  });
}
