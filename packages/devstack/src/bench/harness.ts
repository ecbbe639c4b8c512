import type { ThrowawayStack } from '../throwaway.js';

/** One benchmark: prints its figures (ratios within the same run), never asserts on absolute times. */
export interface Benchmark {
  name: string;
  /** Runs only when named (`npm run bench <name>`): for benchmarks whose set-up takes minutes. */
  onlyWhenNamed?: boolean;
  run(context: BenchContext): Promise<void>;
}

export interface BenchContext {
  repoRoot: string;
  stack: ThrowawayStack;
  /** Prints one figure line: `name  value unit  (note)`. */
  report(label: string, value: number, unit: string, note?: string): void;
}

export function formatFigure(label: string, value: number, unit: string, note?: string): string {
  const shown = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
  return `  ${label.padEnd(48)} ${shown.padStart(10)} ${unit}${note ? `  (${note})` : ''}`;
}
