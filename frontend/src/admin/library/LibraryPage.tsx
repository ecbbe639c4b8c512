import { EmptyState } from '../ui/primitives.js';
import { CollectionPanel } from './CollectionPanel.js';
import { LocationsBrowser } from './LocationsBrowser.js';
import { LIBRARY_SECTIONS, sectionBySlug } from './library-fields.js';

const TABS = [
  ...LIBRARY_SECTIONS.map((section) => ({ slug: section.slug, title: section.title })),
  { slug: 'locations', title: 'Locations' },
];

/** The content library of the chosen site (with the shared library) and the locations browser, one tab each. */
export function LibraryPage({
  siteId,
  section,
  canEditShared,
}: {
  siteId: string;
  section: string;
  canEditShared: boolean;
}) {
  const spec = sectionBySlug(section);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Library</h1>
      <nav
        aria-label="Library sections"
        className="flex gap-1 overflow-x-auto border-b border-slate-200 pb-2"
      >
        {TABS.map((tab) => (
          <a
            key={tab.slug}
            href={`/admin/library/${tab.slug}`}
            aria-current={tab.slug === section ? 'page' : undefined}
            className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800"
          >
            {tab.title}
          </a>
        ))}
      </nav>
      {section === 'locations' ? (
        <LocationsBrowser siteId={siteId} />
      ) : spec ? (
        // Keyed by site and section: switching either starts with fresh filters and no open form.
        <CollectionPanel
          key={`${siteId}:${spec.slug}`}
          siteId={siteId}
          section={spec}
          canEditShared={canEditShared}
        />
      ) : (
        <EmptyState title="No such library section" />
      )}
    </div>
  );
}
