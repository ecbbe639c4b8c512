/**
 * Maps a slot in [0, sum(counts)) to (list, position) by round-robin over lists of different
 * lengths: round r takes element r of every list that still has one, in list order. A bijection,
 * computed in O(lists) per lookup without materialising anything, so lists may be astronomically
 * long (headline variant spaces).
 */
export interface InterleavedSlot {
  readonly listIndex: number;
  readonly position: bigint;
}

export interface RoundRobinInterleave {
  readonly total: bigint;
  slotAt(slot: bigint): InterleavedSlot;
}

interface Segment {
  readonly firstSlot: bigint;
  readonly firstRound: bigint;
  readonly size: bigint;
  readonly lists: readonly number[];
}

export function createRoundRobinInterleave(counts: readonly bigint[]): RoundRobinInterleave {
  const distinctCounts = [...new Set(counts.filter((count) => count > 0n))].sort((a, b) => (a < b ? -1 : 1));
  const segments: Segment[] = [];
  let slot = 0n;
  let round = 0n;
  // Between two consecutive distinct lengths the set of lists still "active" is constant.
  for (const end of distinctCounts) {
    const lists = counts.flatMap((count, listIndex) => (count >= end ? [listIndex] : []));
    const size = (end - round) * BigInt(lists.length);
    segments.push({ firstSlot: slot, firstRound: round, size, lists });
    slot += size;
    round = end;
  }
  const total = slot;

  return {
    total,
    slotAt(target: bigint): InterleavedSlot {
      if (target < 0n || target >= total) throw new RangeError(`Slot ${target} is outside [0, ${total})`);
      for (const segment of segments) {
        const offset = target - segment.firstSlot;
        if (offset < segment.size) {
          const width = BigInt(segment.lists.length);
          return {
            listIndex: segment.lists[Number(offset % width)] ?? 0,
            position: segment.firstRound + offset / width,
          };
        }
      }
      throw new RangeError(`Slot ${target} not covered by any segment`);
    },
  };
}
