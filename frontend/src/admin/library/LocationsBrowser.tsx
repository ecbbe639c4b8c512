import type { LocationRow } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Pager } from '../ui/Pager.js';
import { Button, EmptyState, ErrorNote, Field, inputClass, Skeleton } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';
import { LOCATION_PAGE_SIZE, locationsQuery } from './library.queries.js';

interface Trail {
  state: LocationRow | null;
  county: LocationRow | null;
}

const numberFormat = new Intl.NumberFormat('en-US');
const NOUNS = {
  state: ['state', 'states'],
  county: ['county', 'counties'],
  city: ['city', 'cities'],
} as const;
const levelNoun = (level: keyof typeof NOUNS | undefined, count: number) =>
  NOUNS[level ?? 'city'][count === 1 ? 0 : 1];
const coordinates = (row: LocationRow) =>
  row.lat === null || row.lng === null ? '—' : `${row.lat.toFixed(4)}, ${row.lng.toFixed(4)}`;

/** The national gazetteer: drill from a state to its counties and a county's cities, or search cities by name. */
export function LocationsBrowser({ siteId }: { siteId: string }) {
  const [trail, setTrail] = useState<Trail>({ state: null, county: null });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const q = useDebounced(search.trim(), 300);
  const locations = useQuery(
    locationsQuery(siteId, {
      q: q || undefined,
      state_id: trail.state?.id,
      county_id: q ? undefined : trail.county?.id,
      page: page + 1,
    }),
  );
  const go = (next: Trail) => {
    setTrail(next);
    setPage(0);
  };
  const level = locations.data?.level;
  const open = (row: LocationRow) => {
    if (level === 'state') go({ state: row, county: null });
    else if (level === 'county') go({ state: trail.state, county: row });
  };
  return (
    <section aria-labelledby="library-section-heading" className="space-y-4">
      <h2 id="library-section-heading" className="text-xl font-semibold text-slate-900">
        Locations
      </h2>
      <nav aria-label="Location trail" className="flex flex-wrap items-center gap-1 text-sm">
        <Button onClick={() => go({ state: null, county: null })}>All states</Button>
        {trail.state ? (
          <Button onClick={() => go({ state: trail.state, county: null })}>{trail.state.name}</Button>
        ) : null}
        {trail.county ? <span className="px-2 font-medium text-slate-900">{trail.county.name}</span> : null}
      </nav>
      <Field
        label={trail.state ? `Search cities in ${trail.state.name}` : 'Search cities'}
        htmlFor="location-search"
        hint="Names starting with what you type, biggest first."
      >
        <input
          id="location-search"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(0);
          }}
          className={inputClass}
        />
      </Field>
      {locations.isPending ? (
        <Skeleton label="Loading locations" />
      ) : locations.isError ? (
        <ErrorNote error={locations.error} />
      ) : locations.data.data.length === 0 ? (
        <EmptyState title={q ? `No city starts with “${q}”` : 'Nothing here'} />
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="locations-total">
            {numberFormat.format(locations.data.total)} {levelNoun(level, locations.data.total)}
          </p>
          <section
            aria-label="Locations table"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
            tabIndex={0}
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
          >
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Locations</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {level === 'city' ? 'County' : 'Cities'}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Population
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {level === 'city' ? 'Coordinates' : 'State'}
                  </th>
                </tr>
              </thead>
              <tbody>
                {locations.data.data.map((row) => (
                  <tr key={row.id} className="border-t border-slate-100" data-testid="location-row">
                    <td className="px-3 py-2">
                      {level === 'city' ? (
                        <span className="font-medium text-slate-900">
                          {row.name}, {row.state_code}
                        </span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => open(row)}
                          className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                        >
                          {row.name}
                        </button>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {level === 'city' ? (row.county ?? '—') : (row.cities ?? 0)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {row.population === null ? '—' : numberFormat.format(row.population)}
                    </td>
                    <td className="px-3 py-2 tabular-nums">
                      {level === 'city' ? coordinates(row) : row.state_code}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Pager
            page={page}
            pageSize={LOCATION_PAGE_SIZE}
            total={locations.data.total}
            label="Locations"
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
