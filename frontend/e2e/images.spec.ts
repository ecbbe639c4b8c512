import { expect, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';
const alpha = `http://alpha.localhost:${port}`;

interface ShownImage {
  currentSrc: string;
  naturalWidth: number;
  loading: string;
  fetchPriority: string | null;
  /** `width` and `height` attributes: the browser reserves the box before the file arrives. */
  sized: boolean;
  inPicture: boolean;
}

test('the home page sends modern, right-sized images: the hero first, the rest lazily, nothing shifting', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto(`${alpha}/`);
  expect(response?.status()).toBe(200);
  const hero = page.locator('section img').first();
  await expect(hero).toBeVisible();
  await expect
    .poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // Scroll everything into view so the lazy images load too.
  for (const img of await page.locator('main img').all()) await img.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  const images = await page.locator('main img').evaluateAll((nodes) =>
    (nodes as HTMLImageElement[]).map(
      (img): ShownImage => ({
        currentSrc: img.currentSrc,
        naturalWidth: img.naturalWidth,
        loading: img.loading,
        fetchPriority: img.getAttribute('fetchpriority'),
        sized: img.hasAttribute('width') && img.hasAttribute('height'),
        inPicture: img.parentElement?.tagName === 'PICTURE',
      }),
    ),
  );
  const photos = images.filter((image) => image.inPicture);
  expect(photos.length, 'hero, gallery and media images').toBeGreaterThanOrEqual(4);
  const [first, ...rest] = photos;
  expect(first?.fetchPriority).toBe('high');
  expect(first?.loading).toBe('auto');
  for (const image of photos) {
    // Chromium supports AVIF, so it takes the first source; a 390 px phone never needs the 1600 px original.
    expect(image.currentSrc).toMatch(/\/_astro\/[\w-]+\.[\w-]+\.w(320|640|960|1280)\.avif$/);
    expect(image.naturalWidth).toBeGreaterThan(0);
    expect(image.sized).toBe(true);
    expect(image.naturalWidth).toBeLessThanOrEqual(1280);
  }
  for (const image of rest) expect(image.loading).toBe('lazy');
});
