/**
 * Fixed ids of what setup provisions in the Directus Data Studio, shared with the extension bundle (which sends
 * editors to the dashboard at sign-in). Fixed ids make provisioning an upsert: running setup again changes nothing.
 */
export const STUDIO_DASHBOARD_ID = '5a2c0f3e-7d1b-4c55-9a0e-3f6d2b8c1e01';
export const STUDIO_LANDING_PAGE = `/insights/${STUDIO_DASHBOARD_ID}`;
/** The role-name prefix of site editors, whose sign-in lands on the dashboard. */
export const SITE_EDITOR_ROLE_PREFIX = 'Site editor · ';

/**
 * The ids of the manual flows setup provisions (derived by setup from each flow's key, checked by its unit test),
 * so tests and links can run "Generate 50 articles" or "Publish selected" without looking them up by name.
 */
export const STUDIO_FLOW_IDS = {
  previewHeadlines: 'd209a3ab-70c2-f6c2-2ec1-f2f493679018',
  generate50Articles: '33ec207a-7bf6-dff2-007c-4d5837189136',
  approveSelected: '203858c7-3041-40f5-7a4d-77c7e128a3f6',
  publishSelected: 'b908a173-a481-1532-24c1-b6fbec72bd46',
} as const;
