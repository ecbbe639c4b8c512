/**
 * Fixed ids of what setup provisions in the Directus Data Studio, shared with the extension bundle (which sends
 * editors to the dashboard at sign-in). Fixed ids make provisioning an upsert: running setup again changes nothing.
 */
export const STUDIO_DASHBOARD_ID = '5a2c0f3e-7d1b-4c55-9a0e-3f6d2b8c1e01';
export const STUDIO_LANDING_PAGE = `/insights/${STUDIO_DASHBOARD_ID}`;
/** The role-name prefix of site editors, whose sign-in lands on the dashboard. */
export const SITE_EDITOR_ROLE_PREFIX = 'Site editor · ';
