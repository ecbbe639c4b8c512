import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { testPool } from './content-change.testing.js';

/**
 * Uploaded media reach visitors through the frontend (`/assets/<id>`), since Directus is not reachable from
 * the internet; only files in the Public folder are served.
 */
const pool = testPool();
const directus = process.env.DIRECTUS_INTERNAL_URL ?? '';
const adminToken = process.env.DIRECTUS_ADMIN_TOKEN ?? '';
const host = tenantHost('alpha.localhost');
const uploaded: string[] = [];

/** A solid-colour RGB PNG, built by hand so the test needs no image library. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc0)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(file: Buffer, folder: string | null, type = 'image/png'): Promise<string> {
  const form = new FormData();
  if (folder) form.append('folder', folder);
  form.append(
    'file',
    new Blob([new Uint8Array(file)], { type }),
    type === 'image/png' ? 'pixel.png' : 'photo.jpg',
  );
  const response = await fetch(`${directus}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  expect(response.status).toBe(200);
  const id = ((await response.json()) as { data: { id: string } }).data.id;
  uploaded.push(id);
  return id;
}

const image = png(40, 20);
const wide = png(700, 350);
/** A real photo (the demo hero, 1600 × 1200 JPEG), so the format comparison means something. */
const photo = readFileSync(new URL('../../../../public/brand/alpha/hero-crew.jpg', import.meta.url));
let publicId = '';
let privateId = '';
let wideId = '';
let photoId = '';

beforeAll(async () => {
  const { rows } = await pool.query<{ id: string }>(
    "select id from directus_folders where name = 'Public' and parent is null",
  );
  const folder = rows[0]?.id;
  if (!folder) throw new Error('setup did not create the Public folder');
  publicId = await upload(image, folder);
  privateId = await upload(image, null);
  wideId = await upload(wide, folder);
  photoId = await upload(photo, folder, 'image/jpeg');
});

afterAll(async () => {
  for (const id of uploaded) {
    await fetch(`${directus}/files/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminToken}` },
    });
  }
  await pool.end();
});

const errorCode = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

describe('GET /assets/<id>', () => {
  it('serves a file of the Public folder byte for byte, cacheable', async () => {
    const answer = await getSite(host, `/assets/${publicId}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(answer.body.equals(image)).toBe(true);
  });

  it('applies a ladder width through Directus, keeping the aspect ratio and never enlarging', async () => {
    const scaled = await getSite(host, `/assets/${wideId}?width=320&format=png`);
    expect(scaled.status).toBe(200);
    expect(scaled.headers['content-type']).toBe('image/png');
    // IHDR width and height: the 700×350 original scaled to 320 wide.
    expect([scaled.body.readUInt32BE(16), scaled.body.readUInt32BE(20)]).toEqual([320, 160]);
    const small = await getSite(host, `/assets/${publicId}?width=640&format=png`);
    expect(small.status).toBe(200);
    expect([small.body.readUInt32BE(16), small.body.readUInt32BE(20)]).toEqual([40, 20]);
  });

  it('sends a photo as AVIF or WebP, smaller than the original JPEG, cacheable', async () => {
    const original = await getSite(host, `/assets/${photoId}`);
    expect(original.status).toBe(200);
    expect(original.body.length).toBe(photo.length);
    for (const [format, type] of [
      ['avif', 'image/avif'],
      ['webp', 'image/webp'],
      ['jpg', 'image/jpeg'],
    ] as const) {
      const variant = await getSite(host, `/assets/${photoId}?width=640&format=${format}`);
      expect(variant.status, format).toBe(200);
      expect(variant.headers['content-type'], format).toBe(type);
      expect(variant.headers['cache-control'], format).toMatch(/^public, max-age=\d+/);
      expect(variant.body.length, format).toBeGreaterThan(0);
      expect(variant.body.length, format).toBeLessThan(photo.length);
    }
  });

  it('refuses a width off the ladder, or any other transform, with 400', async () => {
    for (const query of [
      'width=641',
      'width=4000',
      'width=640&height=480',
      'format=avif',
      'width=640&quality=100',
    ]) {
      const answer = await getSite(host, `/assets/${photoId}?${query}`);
      expect(answer.status, query).toBe(400);
      expect(errorCode(answer.text), query).toBe('BAD_REQUEST');
    }
  });

  it('answers 404 for a file outside the Public folder, exactly like for an unknown id', async () => {
    const hidden = await getSite(host, `/assets/${privateId}`);
    const unknown = await getSite(host, '/assets/00000000-0000-4000-8000-000000000000');
    for (const answer of [hidden, unknown]) {
      expect(answer.status).toBe(404);
      expect(errorCode(answer.text)).toBe('NOT_FOUND');
    }
    expect(hidden.text).toBe(unknown.text);
  });

  it('refuses a malformed id or an unoffered parameter with 400, without asking Directus', async () => {
    for (const path of [
      '/assets/logo.png',
      `/assets/${publicId}?key=system-large-contain`,
      `/assets/${publicId}?width=0`,
    ]) {
      const answer = await getSite(host, path);
      expect(answer.status, path).toBe(400);
      expect(errorCode(answer.text), path).toBe('BAD_REQUEST');
    }
  });
});
