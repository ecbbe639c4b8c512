import { expect, type Page, test } from '@playwright/test';
import { type AuditResult, audit, editor, port, signIn } from './admin-helpers.js';

const BASE = `http://localhost:${port}`;

interface LibraryRowJson {
  id: string;
  site_id: string | null;
  category?: string;
}

/** The samples the new-campaign preview shows for a pattern that spins only the given dictionary. */
async function previewSamples(page: Page, category: string): Promise<string[]> {
  await page.goto('/admin/campaigns/new');
  await page.getByLabel('Variable 1 value').fill('Roofing');
  await page.getByLabel('Headline patterns (one per line)').fill(`{${category}} for your home`);
  const samples = page.getByRole('list', { name: 'Sample headlines' }).getByRole('listitem');
  await expect(samples.first()).toBeVisible();
  await expect(page.getByTestId('variant-count')).toBeVisible();
  return (await samples.allTextContents()).map((text) => text.trim());
}

test.describe.configure({ mode: 'serial' });

test('a dictionary edited in the library changes the campaign preview, and the beta editor sees none of alpha’s library', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const audits: AuditResult[] = [];
  const category = `E2E_Library_${Date.now().toString(36)}`;
  await signIn(page, editor('alpha.localhost'));

  // Create a dictionary in the library.
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page).toHaveURL(/\/admin\/library\/dictionaries$/);
  await expect(page.getByRole('heading', { name: 'Spintax dictionaries' })).toBeVisible();
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  // The shared library is listed too, read-only for a site editor (no edit button on it).
  await expect(page.getByText('{Quality_Adjective}')).toBeVisible();
  await expect(page.getByText('Shared library · read-only').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit {Quality_Adjective}' })).toHaveCount(0);
  await audit(page, 'library-dictionaries', testInfo, audits);
  await page.getByRole('button', { name: 'New dictionary' }).click();
  const form = page.getByRole('form', { name: 'New dictionary' });
  await form.getByLabel('Category').fill('9 lives');
  await form.getByLabel('Terms (one per line)').fill('slate roofs\ntile roofs');
  await form.getByRole('button', { name: 'Create dictionary' }).click();
  // The server's refusal is shown next to the field it names.
  await expect(form.getByLabel('Category')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Category').fill(category);
  await form.getByRole('button', { name: 'Create dictionary' }).click();
  await expect(form).toHaveCount(0);
  await page.getByLabel('Search spintax dictionaries').fill(category);
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText('slate roofs · tile roofs');

  // The campaign preview spins the library's terms.
  const before = await previewSamples(page, category);
  expect(before.sort()).toEqual(['slate roofs for your home', 'tile roofs for your home']);

  // Edit the dictionary in the library: the same preview now shows the new terms.
  await page.goto('/admin/library/dictionaries');
  await page.getByLabel('Search spintax dictionaries').fill(category);
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByRole('button', { name: `Edit {${category}}` }).click();
  const edit = page.getByRole('form', { name: 'Edit dictionary' });
  await edit.getByLabel('Terms (one per line)').fill('copper roofs\ncedar shakes\ngreen roofs');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('library-row')).toContainText('copper roofs · cedar shakes · green roofs');
  const after = await previewSamples(page, category);
  expect(after.sort()).toEqual([
    'cedar shakes for your home',
    'copper roofs for your home',
    'green roofs for your home',
  ]);

  // Fragments with their spun sample, templates with their coverage.
  await page.goto('/admin/library/fragments');
  await expect(page.getByTestId('fragment-sample').first()).not.toBeEmpty();
  await audit(page, 'library-fragments', testInfo, audits);
  await page.goto('/admin/library/templates');
  await expect(page.getByRole('columnheader', { name: 'Fragments available' }).first()).toBeVisible();
  await audit(page, 'library-templates', testInfo, audits);
  await page.goto('/admin/library/links');
  await audit(page, 'library-links', testInfo, audits);

  // Locations: state → county → city with population and coordinates, then a name search.
  await page.goto('/admin/library/locations');
  await page.getByRole('button', { name: 'Texas' }).click();
  await expect(page.getByTestId('locations-total')).toHaveText(/^\d+ count(y|ies)$/);
  await page.getByRole('button', { name: 'Bexar County' }).click();
  await expect(page.getByTestId('locations-total')).toHaveText(/^\d+ cit(y|ies)$/);
  await expect(page.getByTestId('location-row').first()).toContainText(', TX');
  await expect(page.getByTestId('location-row').first()).toContainText(/\d+\.\d{4}, -\d+\.\d{4}/);
  await page.getByLabel(/Search cities/).fill('Hou');
  await expect(page.getByTestId('location-row').first()).toContainText('Houston, TX');
  await expect(page.getByTestId('locations-total')).toHaveText('1 city');
  await audit(page, 'library-locations', testInfo, audits);

  // The beta editor: none of alpha's library rows, in the UI or the API.
  const betaContext = await browser.newContext({ baseURL: BASE });
  const beta = await betaContext.newPage();
  await signIn(beta, editor('beta.localhost'));
  await beta.goto('/admin/library/dictionaries');
  await expect(beta.getByTestId('library-row').first()).toBeVisible();
  await expect(beta.getByText('{Roofer_Synonym}')).toHaveCount(0);
  await beta.getByLabel('Search spintax dictionaries').fill(category);
  await expect(beta.getByText(/No spintax dictionaries match/)).toBeVisible();
  const betaSite = (await (await beta.request.get(`${BASE}/api/admin/session`)).json()) as {
    data: { sites: { id: string }[] };
  };
  const betaSiteId = betaSite.data.sites[0]?.id ?? '';
  for (const collection of [
    'spintax_dictionaries',
    'content_fragments',
    'article_templates',
    'link_targets',
  ]) {
    const answer = await beta.request.get(
      `${BASE}/api/admin/library/${collection}?site_id=${betaSiteId}&limit=100`,
    );
    expect(answer.status()).toBe(200);
    const rows = ((await answer.json()) as { data: LibraryRowJson[] }).data;
    expect(
      rows.every((row) => row.site_id === betaSiteId || row.site_id === null),
      collection,
    ).toBe(true);
    expect(rows.some((row) => row.category === category)).toBe(false);
  }
  await betaContext.close();

  await testInfo.attach('axe-library.json', {
    body: JSON.stringify(audits, null, 2),
    contentType: 'application/json',
  });
});
