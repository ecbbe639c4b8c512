/** What an import did (or, in a dry run, would do), counted per table. */
export type Outcome = 'created' | 'updated' | 'unchanged';

export interface ImportReport {
  dryRun: boolean;
  /** The imported site's id, or null for the shared library. In a dry run of a new site, the id it would have had. */
  siteId: string | null;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: Record<string, number>;
}

export class ReportTally {
  readonly created: Record<string, number> = {};
  readonly updated: Record<string, number> = {};
  readonly unchanged: Record<string, number> = {};

  /** Every touched table appears in all three maps, so a reader never has to treat "missing" as 0. */
  count(table: string, outcome: Outcome): void {
    for (const map of [this.created, this.updated, this.unchanged]) map[table] ??= 0;
    this[outcome][table] = (this[outcome][table] ?? 0) + 1;
  }

  toReport(dryRun: boolean, siteId: string | null): ImportReport {
    return { dryRun, siteId, created: this.created, updated: this.updated, unchanged: this.unchanged };
  }
}
