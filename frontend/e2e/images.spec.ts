import { expect, type Page, test } from '@playwright/test';

const port = process.env.FRONTEND_PORT ?? '4321';
const alpha = `http://alpha.localhost:${port}`;

interface ShownImage {
  currentSrc: string;
  naturalWidth: number;
  loading: string;
  fetchPriority: string | null;
  /** `width` and `height` attributes: the browser reserves the box before the file arrives. */
  sized: boolean;
}

/** The `<picture>` images of a page at phone width, after scrolling each into view so lazy ones load too. */
async function pictures(page: Page, path: string): Promise<ShownImage[]> {
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto(`${alpha}${path}`);
  expect(response?.status()).toBe(200);
  const images = page.locator('main picture > img');
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth))
      .toBeGreaterThan(0);
  }
  return images.evaluateAll((nodes) =>
    (nodes as HTMLImageElement[]).map((img) => ({
      currentSrc: img.currentSrc,
      naturalWidth: img.naturalWidth,
      loading: img.loading,
      fetchPriority: img.getAttribute('fetchpriority'),
      sized: img.hasAttribute('width') && img.hasAttribute('height'),
    })),
  );
}

/** Chromium supports AVIF, so it takes the first source; a 390 px phone never needs the 1600 px original. */
function expectPhoneSizedAvif(image: ShownImage | undefined) {
  expect(image?.currentSrc).toMatch(/\/_astro\/[\w-]+\.[\w-]+\.w(320|640|960)\.avif$/);
  expect(image?.naturalWidth).toBeLessThanOrEqual(960);
  expect(image?.sized).toBe(true);
}

test('the hero is a phone-sized AVIF, fetched first and eagerly', async ({ page }) => {
  const [hero, ...others] = await pictures(page, '/');
  expect(others).toEqual([]);
  expectPhoneSizedAvif(hero);
  expect(hero?.fetchPriority).toBe('high');
  expect(hero?.loading).toBe('auto');
});

test('gallery and media images are phone-sized AVIFs, loaded lazily', async ({ page }) => {
  const images = await pictures(page, '/about');
  expect(images.length, 'two gallery images and one media image').toBe(3);
  for (const image of images) {
    expectPhoneSizedAvif(image);
    expect(image.loading).toBe('lazy');
    expect(image.fetchPriority).toBeNull();
  }
});
