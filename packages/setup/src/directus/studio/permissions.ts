import { STUDIO_DASHBOARD_ID } from '@spark/contracts';
import { flowId, MANUAL_FLOWS } from './flows.js';

export interface StudioPermission {
  collection: string;
  action: 'read';
  permissions: Record<string, unknown>;
  fields: string[];
}

/**
 * What a site editor reads of the Studio's own items: the "Site overview" dashboard and its panels (whose
 * queries then run under the editor's item permissions) and the manual flows, which the app lists as buttons.
 * Dashboards or flows an administrator adds later stay theirs.
 */
export function studioEditorPermissions(): StudioPermission[] {
  return [
    {
      collection: 'directus_dashboards',
      action: 'read',
      permissions: { id: { _eq: STUDIO_DASHBOARD_ID } },
      fields: ['*'],
    },
    {
      collection: 'directus_panels',
      action: 'read',
      permissions: { dashboard: { _eq: STUDIO_DASHBOARD_ID } },
      fields: ['*'],
    },
    {
      collection: 'directus_flows',
      action: 'read',
      permissions: { id: { _in: MANUAL_FLOWS.map(flowId) } },
      fields: ['id', 'name', 'icon', 'color', 'description', 'status', 'trigger', 'options'],
    },
  ];
}
