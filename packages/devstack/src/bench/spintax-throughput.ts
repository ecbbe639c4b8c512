import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Counting and unranking throughput of the spintax engine. @spark/core is not a dependency of the devstack
 * (it orchestrates, it does not generate), so the engine is loaded from the worker package that ships it;
 * only the three functions measured are typed here.
 */
interface SpintaxEngine {
  parseSpintax(source: string): object;
  countVariants(template: object): bigint;
  unrankVariant(template: object, index: bigint, bindings?: Record<string, string>): string;
  sampleVariantIndices(count: bigint, k: number, seed: string): bigint[];
}

async function loadEngine(repoRoot: string): Promise<SpintaxEngine> {
  const resolved = createRequire(join(repoRoot, 'worker/package.json')).resolve('@spark/core');
  return (await import(pathToFileURL(resolved).href)) as SpintaxEngine;
}

/** ~40 nested groups: 10^20-ish variants, the kind of headline/fragment space a large campaign has. */
function bigTemplate(variant: number): string {
  return Array.from(
    { length: 40 },
    (_, i) => `{word${i}|term${(i + variant) % 9}|{deep${i}|nested${i}}|phrase ${i}} {City}`,
  ).join(' ');
}

export interface SpintaxFigures {
  countsPerSecond: number;
  unranksPerSecond: number;
  samplesPerSecond: number;
  variants: string;
}

export async function measureSpintax(repoRoot: string): Promise<SpintaxFigures> {
  const engine = await loadEngine(repoRoot);
  // Counting caches per (immutable) tree, so every count below is of a freshly parsed template.
  const templates = Array.from({ length: 2000 }, (_, i) => engine.parseSpintax(bigTemplate(i)));
  let started = performance.now();
  let total = 0n;
  for (const template of templates) total += engine.countVariants(template);
  const countsPerSecond = templates.length / ((performance.now() - started) / 1000);
  if (total === 0n) throw new Error('the benchmark templates have no variants');

  const template = templates[0] as object;
  const count = engine.countVariants(template);
  const unranks = 50_000;
  started = performance.now();
  for (let i = 0n; i < BigInt(unranks); i += 1n) {
    engine.unrankVariant(template, (count * i) / BigInt(unranks), { city: 'Austin' });
  }
  const unranksPerSecond = unranks / ((performance.now() - started) / 1000);

  started = performance.now();
  const sampled = engine.sampleVariantIndices(count, 50_000, 'bench').length;
  const samplesPerSecond = sampled / ((performance.now() - started) / 1000);
  return { countsPerSecond, unranksPerSecond, samplesPerSecond, variants: count.toString() };
}
