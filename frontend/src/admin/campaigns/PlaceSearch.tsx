import type { Place } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { placesQuery } from '../api/queries.js';
import { inputClass } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';

interface Props {
  siteId: string;
  kind: 'county' | 'city';
  label: string;
  stateId: string | null;
  selected: string | null;
  /** What the field shows before anything is typed: the saved place of a reopened campaign. */
  initialLabel?: string | null;
  onPick(place: Place): void;
}

/** Type a few letters, pick from the biggest matching places (a listbox of buttons: keyboard friendly). */
export function PlaceSearch({ siteId, kind, label, stateId, selected, initialLabel = null, onPick }: Props) {
  const id = useId();
  const [text, setText] = useState(initialLabel ?? '');
  // The label of the place just picked (or saved): the field shows it, and it is not searched for again.
  const [picked, setPicked] = useState<string | null>(initialLabel);
  const typed = useDebounced(text.trim(), 250);
  const query = typed === picked ? '' : typed;
  const places = useQuery({ ...placesQuery(siteId, kind, query, stateId), enabled: query.length >= 2 });
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Type at least 2 letters"
        className={inputClass}
        autoComplete="off"
      />
      {query.length >= 2 && places.data ? (
        places.data.data.length === 0 ? (
          <p className="text-sm text-slate-700">
            No {kind} starts with “{query}”.
          </p>
        ) : (
          <ul
            aria-label={`Matching ${kind === 'city' ? 'cities' : 'counties'}`}
            className="max-h-48 overflow-auto rounded-md border border-slate-200 bg-white"
          >
            {places.data.data.map((place) => (
              <li key={place.id}>
                <button
                  type="button"
                  aria-pressed={place.id === selected}
                  onClick={() => {
                    const label = `${place.name}, ${place.state_code}`;
                    onPick(place);
                    setPicked(label);
                    setText(label);
                  }}
                  className="block w-full px-3 py-2 text-left text-sm text-slate-900 hover:bg-indigo-50 aria-pressed:bg-indigo-100 aria-pressed:font-semibold"
                >
                  {place.name}, {place.state_code}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
