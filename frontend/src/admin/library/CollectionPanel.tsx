import type { LibraryRow } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { campaignOptionsQuery } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Pager } from '../ui/Pager.js';
import { Button, EmptyState, ErrorNote, Field, inputClass, Skeleton } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';
import { deleteLibraryRow, libraryKey, libraryQuery, PAGE_SIZE } from './library.queries.js';
import type { SectionSpec } from './library-fields.js';
import { RowEditor } from './RowEditor.js';

/** One library collection: search, filters, the rows of the page, and editing where the caller may. */
export function CollectionPanel({
  siteId,
  section,
  canEditShared,
}: {
  siteId: string;
  section: SectionSpec;
  canEditShared: boolean;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [fragmentType, setFragmentType] = useState('');
  const [avatarId, setAvatarId] = useState('');
  const [editing, setEditing] = useState<LibraryRow | 'new' | null>(null);
  const q = useDebounced(search.trim(), 300);
  const options = useQuery(campaignOptionsQuery(siteId));
  const rows = useQuery(
    libraryQuery(siteId, section.collection, {
      q,
      page: page + 1,
      fragment_type: fragmentType || undefined,
      avatar_id: avatarId || undefined,
    }),
  );
  const avatars = options.data?.data.avatars ?? [];
  const fragmentTypes = Object.keys(options.data?.data.fragment_counts ?? {}).sort();
  const hasAvatarFilter = section.fields.some((field) => field.kind === 'avatar');
  const resetPage = () => setPage(0);
  return (
    <section aria-labelledby="library-section-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="library-section-heading" className="text-xl font-semibold text-slate-900">
          {section.title}
        </h2>
        <Button tone="primary" onClick={() => setEditing('new')}>
          New {section.noun}
        </Button>
      </div>
      {editing === 'new' ? (
        <RowEditor
          siteId={siteId}
          section={section}
          row={null}
          avatars={avatars}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={`Search ${section.title.toLowerCase()}`} htmlFor="library-search">
          <input
            id="library-search"
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              resetPage();
            }}
            className={inputClass}
          />
        </Field>
        {section.collection === 'content_fragments' ? (
          <Field label="Fragment type" htmlFor="library-type">
            <select
              id="library-type"
              value={fragmentType}
              onChange={(event) => {
                setFragmentType(event.target.value);
                resetPage();
              }}
              className={inputClass}
            >
              <option value="">Every type</option>
              {fragmentTypes.map((type) => (
                <option key={type} value={type}>
                  {type} ({options.data?.data.fragment_counts[type] ?? 0})
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {hasAvatarFilter ? (
          <Field label="Avatar" htmlFor="library-avatar">
            <select
              id="library-avatar"
              value={avatarId}
              onChange={(event) => {
                setAvatarId(event.target.value);
                resetPage();
              }}
              className={inputClass}
            >
              <option value="">Every avatar</option>
              {avatars.map((avatar) => (
                <option key={avatar.id} value={avatar.id}>
                  {avatar.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
      {rows.isPending ? (
        <Skeleton label={`Loading ${section.title.toLowerCase()}`} />
      ) : rows.isError ? (
        <ErrorNote error={rows.error} />
      ) : rows.data.data.length === 0 ? (
        <EmptyState title={`No ${section.title.toLowerCase()} ${q ? `match “${q}”` : 'yet'}`} />
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="library-total">
            {rows.data.total} in all
          </p>
          <ul className="grid gap-3">
            {rows.data.data.map((row) =>
              editing !== 'new' && editing?.id === row.id ? (
                <li key={row.id}>
                  <RowEditor
                    siteId={siteId}
                    section={section}
                    row={row}
                    avatars={avatars}
                    onDone={() => setEditing(null)}
                  />
                </li>
              ) : (
                <RowCard
                  key={row.id}
                  siteId={siteId}
                  section={section}
                  row={row}
                  editable={!row.shared || canEditShared}
                  onEdit={() => setEditing(row)}
                />
              ),
            )}
          </ul>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={rows.data.total}
            label={section.title}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

function RowCard({
  siteId,
  section,
  row,
  editable,
  onEdit,
}: {
  siteId: string;
  section: SectionSpec;
  row: LibraryRow;
  editable: boolean;
  onEdit(): void;
}) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const title = section.title_of(row);
  const remove = useMutation({
    mutationFn: () => deleteLibraryRow(siteId, section.collection, row.id),
    onSuccess: () => toast('success', `Deleted the ${section.noun} ${title}`),
    onSettled: () => client.invalidateQueries({ queryKey: libraryKey(siteId, section.collection) }),
  });
  const coverage = row.coverage ?? [];
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="library-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="break-words font-semibold text-slate-900">
            {title}{' '}
            {row.shared ? (
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">
                Shared library{editable ? '' : ' · read-only'}
              </span>
            ) : null}
          </p>
          <p className="break-words text-sm text-slate-700">{section.detail_of(row)}</p>
        </div>
        {editable ? (
          <div className="flex gap-2">
            <Button onClick={onEdit} aria-label={`Edit ${title}`}>
              Edit
            </Button>
            <Button
              tone="danger"
              disabled={remove.isPending}
              aria-label={`Delete ${title}`}
              onClick={() => {
                if (window.confirm(`Delete the ${section.noun} ${title}?`)) remove.mutate();
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      {row.sample !== undefined ? (
        <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-800">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-700">Spun sample</p>
          <p data-testid="fragment-sample" className="break-words">
            {row.sample ?? 'This body does not parse as spintax; generation leaves it out.'}
          </p>
        </div>
      ) : null}
      {coverage.length > 0 ? (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Fragments the site can use for each slot of {title}</caption>
          <thead>
            <tr className="text-slate-700">
              <th scope="col" className="py-1 pr-3 font-medium">
                Slot
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Fragment type
              </th>
              <th scope="col" className="py-1 font-medium">
                Fragments available
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((slot, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its position (a template may repeat a type)
              <tr key={`${slot.fragment_type}-${index}`} className="border-t border-slate-100">
                <td className="py-1 pr-3">{index + 1}</td>
                <td className="py-1 pr-3 font-mono">{slot.fragment_type}</td>
                <td className={`py-1 ${slot.fragments === 0 ? 'font-semibold text-red-800' : ''}`}>
                  {slot.fragments === 0
                    ? 'none — articles will miss this slot'
                    : slot.filled_by === 'offer_blocks'
                      ? `${slot.fragments} offer blocks`
                      : slot.fragments}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
