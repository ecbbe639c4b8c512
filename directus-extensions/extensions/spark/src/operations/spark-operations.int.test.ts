import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertCampaign,
  removeCampaign,
  type TenantLibrary,
  tenantLibrary,
  waitForJob,
} from '../testing/factory.js';
import { asUser, editorOf, eventually, openDatabase, testStack, uniqueName } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const admin = stack.DIRECTUS_ADMIN_TOKEN;
const alphaEditor = editorOf(stack, 'alpha.localhost').token;
let alpha: TenantLibrary;
let campaignId = '';
const flows: string[] = [];

/** A manual flow on campaigns whose one operation is `type` with `options`, built through Directus's REST API. */
async function manualFlow(type: string, options: Record<string, unknown>): Promise<string> {
  const flow = await asUser<{ id: string }>(stack, admin, 'POST', '/flows', {
    name: uniqueName('Spark flow'),
    status: 'active',
    trigger: 'manual',
    accountability: 'all',
    options: {
      collections: ['campaign_masters'],
      location: 'item',
      requireConfirmation: false,
      async: false,
    },
  });
  expect(flow.status, flow.text).toBe(200);
  flows.push(flow.body.data.id);
  const operation = await asUser<{ id: string }>(stack, admin, 'POST', '/operations', {
    flow: flow.body.data.id,
    key: 'spark_step',
    name: 'Spark step',
    type,
    position_x: 19,
    position_y: 1,
    options,
  });
  expect(operation.status, operation.text).toBe(200);
  const linked = await asUser(stack, admin, 'PATCH', `/flows/${flow.body.data.id}`, {
    operation: operation.body.data.id,
  });
  expect(linked.status, linked.text).toBe(200);
  return flow.body.data.id;
}

beforeAll(async () => {
  alpha = await tenantLibrary(db, 'alpha.localhost');
  campaignId = await insertCampaign(db, alpha);
});
afterAll(async () => {
  for (const id of flows) await asUser(stack, admin, 'DELETE', `/flows/${id}`);
  await removeCampaign(db, campaignId);
  await db.end();
});

describe('the Spark Flows operations', () => {
  it('generate articles when the alpha editor runs a manual flow on their campaign', async () => {
    const flowId = await manualFlow('spark-generate-articles', {
      campaign: '{{$trigger.body.keys[0]}}',
      count: 3,
    });
    const run = await asUser(stack, alphaEditor, 'POST', `/flows/trigger/${flowId}`, {
      collection: 'campaign_masters',
      keys: [campaignId],
    });
    expect(run.status, run.text).toBe(200);
    const jobs = await eventually(
      () =>
        db.query<{ id: string; total: number }>(
          'select id, total from generation_jobs where campaign_id = $1',
          [campaignId],
        ),
      (result) => result.rows.length > 0,
      30_000,
    );
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]?.total).toBe(3);
    expect(await waitForJob(db, jobs.rows[0]?.id ?? '')).toMatchObject({ status: 'completed', processed: 3 });
  }, 240_000);

  it('act as the flow’s user: another site’s editor running it on alpha’s campaign starts nothing', async () => {
    const flowId = await manualFlow('spark-generate-articles', { campaign: campaignId, count: 2 });
    const before = (await db.query('select 1 from generation_jobs where campaign_id = $1', [campaignId]))
      .rowCount;
    const betaEditor = editorOf(stack, 'beta.localhost').token;
    await asUser(stack, betaEditor, 'POST', `/flows/trigger/${flowId}`, {
      collection: 'campaign_masters',
      keys: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      (await db.query('select 1 from generation_jobs where campaign_id = $1', [campaignId])).rowCount,
    ).toBe(before);
  });

  it('start internal linking of the campaign from a flow', async () => {
    const flowId = await manualFlow('spark-insert-links', {});
    const run = await asUser(stack, alphaEditor, 'POST', `/flows/trigger/${flowId}`, {
      collection: 'campaign_masters',
      keys: [campaignId],
    });
    expect(run.status, run.text).toBe(200);
    const job = await eventually(
      () =>
        db.query(`select 1 from generation_jobs where campaign_id = $1 and type = 'insert_links'`, [
          campaignId,
        ]),
      (result) => (result.rowCount ?? 0) > 0,
      30_000,
    );
    expect(job.rowCount).toBe(1);
  }, 60_000);
});
