import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by groups of processes, from /proc (Linux): where a benchmark's time goes on a machine whose
 * two cores are shared by every part of the stack. A group is a name and a test on the process's command line.
 */
export type ProcessGroups = Record<string, (commandLine: string) => boolean>;

/** Where the CPU goes: the stack's PostgreSQL backends (autovacuum included), the worker(s), the frontend. */
export const STACK_CPU_GROUPS: ProcessGroups = {
  PostgreSQL: (command) => command.startsWith('postgres'),
  worker: (command) => command.includes('main.mjs') && command.includes('worker'),
  frontend: (command) => command.includes('main.mjs') && command.includes('frontend'),
};

const TICKS_PER_SECOND = 100;

function processTicks(pid: string): { commandLine: string; ticks: number } | undefined {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { commandLine, ticks: Number(fields[11]) + Number(fields[12]) }; // utime + stime
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** CPU seconds so far of each process in a group, by pid. */
function sampleGroups(groups: ProcessGroups): Map<string, { group: string; seconds: number }> {
  const samples = new Map<string, { group: string; seconds: number }>();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const sample = processTicks(pid);
    if (!sample) continue;
    const group = Object.keys(groups).find((name) => groups[name]?.(sample.commandLine));
    if (group) samples.set(pid, { group, seconds: sample.ticks / TICKS_PER_SECOND });
  }
  return samples;
}

/**
 * CPU seconds each group used while `run` ran: per process, the difference of two samples (a process started
 * meanwhile counts from zero; one that ended meanwhile is lost, which undercounts short-lived processes).
 */
export async function measureCpu<T>(
  groups: ProcessGroups,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = sampleGroups(groups);
  const result = await run();
  const cpu: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  for (const [pid, { group, seconds }] of sampleGroups(groups)) {
    cpu[group] = (cpu[group] ?? 0) + seconds - (before.get(pid)?.seconds ?? 0);
  }
  return { result, cpu };
}
