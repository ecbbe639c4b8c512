import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const port = process.env.FRONTEND_PORT ?? '4321';

export interface Editor {
  siteDomain: string;
  email: string;
  password: string;
}

export function editor(domain: string): Editor {
  const editors = JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as Editor[];
  const found = editors.find((e) => e.siteDomain === domain);
  if (!found?.password) throw new Error(`no ${domain} editor with a password in SPARK_TEST_EDITORS`);
  return found;
}

export async function signIn(page: Page, who: Editor): Promise<void> {
  await page.goto('/admin/campaigns');
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fcampaigns/);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns$/);
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
}

export interface AuditResult {
  page: string;
  width: number;
  violations: { id: string; impact: string | null | undefined; nodes: number }[];
}

/**
 * Screenshots at desktop and phone width (into the test's output folder, never the repository) and axe-core at
 * both: serious or critical violations fail the journey; minor ones are reported in the attachment.
 */
export async function audit(
  page: Page,
  name: string,
  testInfo: TestInfo,
  results: AuditResult[],
): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page }).analyze();
    const violations = axe.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    results.push({ page: name, width, violations });
    const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
      `${name} at ${width}px`,
    ).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
