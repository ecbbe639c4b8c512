import type { DirectusClient } from '../client.js';
import { studioId } from './ids.js';

export interface OperationDefinition {
  key: string;
  name: string;
  type: string;
  options: Record<string, unknown>;
}

export interface ManualFlowDefinition {
  key: string;
  name: string;
  icon: string;
  description: string;
  collection: string;
  confirm?: string;
  /** Run in order: each resolves to the next. */
  operations: OperationDefinition[];
}

/** The first selected item: manual flows receive `{collection, keys}` as the trigger body. */
const FIRST_KEY = '{{$trigger.body.keys[0]}}';
const SELECTED_KEYS = '{{$trigger.body.keys}}';

/** Formats the headline rows the previous step read into a short, readable notification. */
const FORMAT_HEADLINES = `module.exports = async function (data) {
  const rows = Array.isArray(data.read_headlines) ? data.read_headlines : [];
  if (rows.length === 0) return 'No headlines are waiting yet: generate articles or edit the headline spintax.';
  return rows.map((row) => '• ' + row.text).join('\\n');
};`;

/** Status changes go through Directus as the signed-in user, so their permissions and the publish hook apply. */
const setStatus = (status: string): OperationDefinition => ({
  key: `set_${status}`,
  name: `Set status to ${status}`,
  type: 'item-update',
  options: {
    collection: 'generated_articles',
    key: SELECTED_KEYS,
    payload: { status },
    permissions: '$trigger',
    emitEvents: true,
  },
});

export const MANUAL_FLOWS: ManualFlowDefinition[] = [
  {
    key: 'preview-headlines',
    name: 'Preview headlines',
    icon: 'visibility',
    description: 'Shows the next ten headlines this campaign will write, as a notification.',
    collection: 'campaign_masters',
    operations: [
      {
        key: 'read_headlines',
        name: 'Read the next headlines',
        type: 'item-read',
        options: {
          collection: 'headline_inventory',
          permissions: '$trigger',
          emitEvents: false,
          query: {
            filter: { _and: [{ campaign_id: { _eq: FIRST_KEY } }, { status: { _eq: 'available' } }] },
            fields: ['text'],
            sort: ['spintax_index'],
            limit: 10,
          },
        },
      },
      { key: 'format', name: 'Format the list', type: 'exec', options: { code: FORMAT_HEADLINES } },
      {
        key: 'notify',
        name: 'Notify the editor',
        type: 'notification',
        options: {
          recipient: ['{{$accountability.user}}'],
          subject: 'Headline preview',
          message: '{{format}}',
          // Editors may not create notifications themselves; this one goes only to the editor who ran the flow
          // and carries only what the previous step read with their own permissions.
          permissions: '$full',
        },
      },
    ],
  },
  {
    key: 'generate-50-articles',
    name: 'Generate 50 articles',
    icon: 'auto_awesome',
    description: 'Queues a job that writes 50 articles from this campaign’s headlines.',
    collection: 'campaign_masters',
    confirm: 'Queue 50 new articles for this campaign?',
    operations: [
      {
        key: 'generate',
        name: 'Spark: generate articles',
        type: 'spark-generate-articles',
        options: { campaign: FIRST_KEY, count: 50 },
      },
    ],
  },
  {
    key: 'approve-selected',
    name: 'Approve selected',
    icon: 'task_alt',
    description: 'Marks the selected articles as approved.',
    collection: 'generated_articles',
    operations: [setStatus('approved')],
  },
  {
    key: 'publish-selected',
    name: 'Publish selected',
    icon: 'publish',
    description: 'Publishes the selected articles on your site now.',
    collection: 'generated_articles',
    confirm: 'Publish the selected articles on your site now?',
    operations: [setStatus('published')],
  },
];

export const flowId = (flow: ManualFlowDefinition) => studioId(`flow:${flow.key}`);
export const operationId = (flow: ManualFlowDefinition, operation: OperationDefinition) =>
  studioId(`operation:${flow.key}:${operation.key}`);

function flowBody(flow: ManualFlowDefinition) {
  return {
    name: flow.name,
    icon: flow.icon,
    color: '#4F46E5',
    description: flow.description,
    status: 'active',
    trigger: 'manual',
    accountability: 'all',
    options: {
      collections: [flow.collection],
      location: 'both',
      requireSelection: true,
      requireConfirmation: flow.confirm !== undefined,
      confirmationDescription: flow.confirm ?? null,
      async: false,
    },
  };
}

/**
 * Provisions the manual flows through Directus's REST API (not SQL) so a running Directus reloads them at once.
 * Ids are fixed: existing flows and operations are updated in place, operations no longer defined are removed.
 */
export async function provisionManualFlows(directus: DirectusClient): Promise<void> {
  const ids = MANUAL_FLOWS.map(flowId);
  const filter = encodeURIComponent(JSON.stringify({ id: { _in: ids } }));
  const existing = new Set(
    (await directus.request<{ id: string }[]>('GET', `/flows?fields=id&limit=-1&filter=${filter}`)).map(
      (f) => f.id,
    ),
  );
  for (const flow of MANUAL_FLOWS) {
    const id = flowId(flow);
    if (existing.has(id)) await directus.request('PATCH', `/flows/${id}`, flowBody(flow));
    else await directus.request('POST', '/flows', { id, ...flowBody(flow) });

    const wanted = flow.operations.map((operation) => operationId(flow, operation));
    const opFilter = encodeURIComponent(JSON.stringify({ flow: { _eq: id } }));
    const current = await directus.request<{ id: string }[]>(
      'GET',
      `/operations?fields=id&limit=-1&filter=${opFilter}`,
    );
    const stale = current.map((op) => op.id).filter((opId) => !wanted.includes(opId));
    if (stale.length > 0) await directus.request('DELETE', '/operations', stale);
    const present = new Set(current.map((op) => op.id));
    // Last first, so each operation's `resolve` already exists when it is written.
    for (let index = flow.operations.length - 1; index >= 0; index -= 1) {
      const operation = flow.operations[index] as OperationDefinition;
      const opId = wanted[index] as string;
      const body = {
        name: operation.name,
        key: operation.key,
        type: operation.type,
        position_x: 19 + index * 18,
        position_y: 1,
        options: operation.options,
        resolve: wanted[index + 1] ?? null,
        reject: null,
        flow: id,
      };
      if (present.has(opId)) await directus.request('PATCH', `/operations/${opId}`, body);
      else await directus.request('POST', '/operations', { id: opId, ...body });
    }
    await directus.request('PATCH', `/flows/${id}`, { operation: wanted[0] ?? null });
  }
}
