import type { HookConfig } from '@directus/types';
import { SITE_EDITOR_ROLE_PREFIX, STUDIO_LANDING_PAGE } from '@spark/contracts';

/**
 * After sign-in the Data Studio opens the user's last visited page (and Content when there is none). Site editors
 * should start from their site's overview instead, so each of their sign-ins resets that page to the "Site
 * overview" dashboard. Runs before the session is issued, so the app reads the new page when it loads the user.
 */
const studioLandingHook: HookConfig = ({ filter }, { database, logger }) => {
  filter('auth.login', async (payload, meta) => {
    const user = typeof meta.user === 'string' ? meta.user : null;
    if (!user) return payload;
    try {
      await database('directus_users')
        .update({ last_page: STUDIO_LANDING_PAGE })
        .where('id', user)
        .whereIn(
          'role',
          database('directus_roles').select('id').where('name', 'like', `${SITE_EDITOR_ROLE_PREFIX}%`),
        );
    } catch (error) {
      // A missed landing page must never block a sign-in.
      logger.warn({ err: error }, 'could not set the Studio landing page');
    }
    return payload;
  });
};

export default studioLandingHook;
