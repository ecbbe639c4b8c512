import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { registerDirectusMetadata } from './directus/register.js';
import { seedBlueprints } from './seed.js';
import { testStack } from './testing/stack.js';

const stack = testStack();
const pool = createPool(stack.DATABASE_URL, { max: 2 });
afterAll(() => pool.end());

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe('re-running provisioning (a second `npm start`)', () => {
  it('loads the demo blueprints again without creating or updating anything', async () => {
    const reports = await seedBlueprints(pool);
    expect([...reports.keys()].sort()).toEqual(['alpha.json', 'beta.json', 'library.json']);
    for (const [file, report] of reports) {
      expect(total(report.created), file).toBe(0);
      expect(total(report.updated), file).toBe(0);
      expect(total(report.unchanged), file).toBeGreaterThan(0);
    }
  });

  it('writes the same Directus metadata again', async () => {
    const snapshot = async () =>
      (
        await pool.query(
          `select collection, field, special, interface, options::text, display from directus_fields
           where collection not like 'directus\\_%' order by collection, field`,
        )
      ).rows;
    const before = await snapshot();
    await registerDirectusMetadata(pool);
    expect(await snapshot()).toEqual(before);
  });
});
