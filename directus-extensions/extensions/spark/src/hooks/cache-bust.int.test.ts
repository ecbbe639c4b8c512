import { INVALIDATION_CHANNEL, siteArticlesVersionKey, siteVersionKey } from '@spark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  editorOf,
  eventually,
  god,
  openDatabase,
  openRedis,
  testStack,
  uniqueName,
} from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const redis = openRedis(stack);
const subscriber = openRedis(stack);
const messages: Record<string, unknown>[] = [];
const editor = editorOf(stack, 'alpha.localhost');
let alphaId = '';
let betaId = '';
let pageId = '';

const version = async (siteId: string) => Number((await redis.get(siteVersionKey(siteId))) ?? 0);
const articlesVersion = async (siteId: string) =>
  Number((await redis.get(siteArticlesVersionKey(siteId))) ?? 0);
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

beforeAll(async () => {
  const sites = (await db.query(`select id, domain from sites`)).rows as { id: string; domain: string }[];
  alphaId = sites.find((s) => s.domain === 'alpha.localhost')?.id ?? '';
  betaId = sites.find((s) => s.domain === 'beta.localhost')?.id ?? '';
  await subscriber.subscribe(INVALIDATION_CHANNEL);
  subscriber.on('message', (_channel, text) => messages.push(JSON.parse(text)));
  const page = await asUser<{ id: string }>(stack, stack.DIRECTUS_ADMIN_TOKEN, 'POST', '/items/pages', {
    site_id: alphaId,
    permalink: `/${uniqueName('cb').replace(/_/g, '-')}`,
    title: 'Cache bust page',
  });
  pageId = page.body.data.id;
  await settle();
});
afterAll(async () => {
  await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'DELETE', `/items/pages/${pageId}`);
  subscriber.disconnect();
  redis.disconnect();
  await db.end();
});

describe('the cache-bust hook', () => {
  it("bumps only the edited page's site version and publishes one message", async () => {
    const [alphaBefore, betaBefore] = [await version(alphaId), await version(betaId)];
    messages.length = 0;
    const edit = await asUser(stack, editor.token, 'PATCH', `/items/pages/${pageId}`, { title: 'Edited' });
    expect(edit.status, edit.text).toBe(200);
    expect(
      await eventually(
        () => version(alphaId),
        (v) => v > alphaBefore,
      ),
    ).toBe(alphaBefore + 1);
    await settle();
    expect(await version(betaId)).toBe(betaBefore);
    expect(messages).toEqual([{ siteId: alphaId, collection: 'pages', hostsChanged: false }]);
  });

  it('flags hostsChanged when a site status changes, and not for other site fields', async () => {
    const before = await version(alphaId);
    messages.length = 0;
    const admin = stack.DIRECTUS_ADMIN_TOKEN;
    const paused = await asUser(stack, admin, 'PATCH', `/items/sites/${alphaId}`, { status: 'paused' });
    expect(paused.status, paused.text).toBe(200);
    await asUser(stack, admin, 'PATCH', `/items/sites/${alphaId}`, { status: 'active' });
    const name = (await db.query('select name from sites where id = $1', [alphaId])).rows[0]?.name;
    await asUser(stack, admin, 'PATCH', `/items/sites/${alphaId}`, { name });
    await eventually(
      () => version(alphaId),
      (v) => v >= before + 3,
    );
    await settle();
    expect(messages).toEqual([
      { siteId: alphaId, collection: 'sites', hostsChanged: true },
      { siteId: alphaId, collection: 'sites', hostsChanged: true },
      { siteId: alphaId, collection: 'sites', hostsChanged: false },
    ]);
  });

  it("targets an article edit: the site's articles version moves, its site version does not", async () => {
    const slug = uniqueName('cb-article').replace(/_/g, '-');
    const { rows } = await db.query(
      `insert into generated_articles (site_id, title, slug, status, published_at, generation_key)
       values ($1, 'Cache bust article', $2, 'published', now(), $3) returning id`,
      [alphaId, slug, `test:${slug}`],
    );
    const articleId = String(rows[0]?.id);
    const [siteBefore, articlesBefore] = [await version(alphaId), await articlesVersion(alphaId)];
    messages.length = 0;
    const edit = await asUser(
      stack,
      stack.DIRECTUS_ADMIN_TOKEN,
      'PATCH',
      `/items/generated_articles/${articleId}`,
      {
        title: 'Cache bust article, edited',
      },
    );
    expect(edit.status, edit.text).toBe(200);
    expect(
      await eventually(
        () => articlesVersion(alphaId),
        (v) => v > articlesBefore,
      ),
    ).toBe(articlesBefore + 1);
    await settle();
    expect(await version(alphaId)).toBe(siteBefore);
    expect(messages).toEqual([
      { siteId: alphaId, collection: 'generated_articles', hostsChanged: false, articleIds: [articleId] },
    ]);
    await db.query('delete from generated_articles where id = $1', [articleId]);
  });

  it('god cache flush bumps every site and publishes one all-sites message', async () => {
    const [alphaBefore, betaBefore] = [await version(alphaId), await version(betaId)];
    messages.length = 0;
    const flush = await god(stack, 'POST', '/god/cache/flush');
    expect(flush.status, flush.text).toBe(200);
    expect(await version(alphaId)).toBe(alphaBefore + 1);
    expect(await version(betaId)).toBe(betaBefore + 1);
    await eventually(
      async () => messages.length,
      (n) => n > 0,
    );
    expect(messages).toEqual([{ siteId: null, collection: '*', hostsChanged: true }]);
  });
});
