/** Cities per nearby-articles statement: each stays well inside the pool's statement timeout in a dense region. */
const NEARBY_CITY_CHUNK = 250;

/**
 * A per-city read of many cities, one statement per chunk of `cityIds`, merged into one map: `read` answers for
 * the cities it is given (a city it leaves out is left out of the result).
 */
export async function readByCityChunks<T>(
  cityIds: readonly string[],
  read: (chunk: readonly string[]) => Promise<ReadonlyMap<string, T>>,
): Promise<Map<string, T>> {
  const merged = new Map<string, T>();
  for (let offset = 0; offset < cityIds.length; offset += NEARBY_CITY_CHUNK) {
    for (const [cityId, value] of await read(cityIds.slice(offset, offset + NEARBY_CITY_CHUNK)))
      merged.set(cityId, value);
  }
  return merged;
}
