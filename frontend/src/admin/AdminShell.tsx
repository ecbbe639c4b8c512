import type { AdminSession } from '@spark/contracts/admin';
import { type ReactNode, useEffect } from 'react';
import { z } from 'zod';
import type { AdminPage } from './AdminApp.js';
import { api } from './api/client.js';
import { rememberedSite, useAdminUi } from './store.js';
import { EmptyState } from './ui/primitives.js';
import { Toasts } from './ui/Toasts.js';

const NAV: { href: string; label: string; pages: AdminPage[] }[] = [
  { href: '/admin', label: 'Dashboard', pages: ['dashboard'] },
  { href: '/admin/analytics', label: 'Analytics', pages: ['analytics'] },
  { href: '/admin/campaigns', label: 'Campaigns', pages: ['campaigns', 'campaign-new', 'campaign-edit'] },
  { href: '/admin/jobs', label: 'Jobs', pages: ['jobs'] },
  { href: '/admin/board', label: 'Review board', pages: ['board'] },
  { href: '/admin/leads', label: 'Leads', pages: ['leads', 'lead'] },
  { href: '/admin/library', label: 'Library', pages: ['library'] },
  { href: '/admin/quality', label: 'Quality', pages: ['quality'] },
  { href: '/admin/links', label: 'Links', pages: ['links'] },
  { href: '/admin/operations', label: 'Operations', pages: ['operations'] },
];

async function signOut() {
  try {
    await api('/api/admin/session', z.unknown(), { method: 'DELETE' });
  } finally {
    window.location.assign('/admin/sign-in');
  }
}

/** Header with navigation, the site switcher (only the user's sites) and sign-out; the page below it. */
export function AdminShell({
  page,
  session,
  children,
}: {
  page: AdminPage;
  session: AdminSession['data'];
  children: (siteId: string) => ReactNode;
}) {
  const siteId = useAdminUi((state) => state.siteId);
  const chooseSite = useAdminUi((state) => state.chooseSite);
  const siteList = session.sites.map((site) => site.id).join(',');
  useEffect(() => {
    const remembered = rememberedSite(session.user.id, siteList.split(','));
    if (remembered) useAdminUi.setState({ siteId: remembered });
  }, [session.user.id, siteList]);
  return (
    <div className="min-h-screen bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/admin" className="text-lg font-bold text-slate-900">
            Spark
          </a>
          <nav
            aria-label="Admin"
            className="order-3 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto"
          >
            {NAV.map((item) => (
              <a
                key={item.href}
                href={item.href}
                aria-current={item.pages.includes(page) ? 'page' : undefined}
                className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800"
              >
                {item.label}
              </a>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <label htmlFor="site-switcher" className="sr-only">
              Site
            </label>
            <select
              id="site-switcher"
              value={siteId ?? ''}
              onChange={(event) => {
                chooseSite(session.user.id, event.target.value);
                if (page === 'campaign-edit') window.location.assign('/admin/campaigns');
                if (page === 'lead') window.location.assign('/admin/leads');
              }}
              className="max-w-[11rem] rounded-md border border-slate-400 bg-white px-2 py-2 text-sm text-slate-900"
            >
              {session.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name} ({site.domain})
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={signOut}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {session.sites.length === 0 ? (
          <EmptyState title="You are not a member of any site yet">
            Ask an administrator to add you to a site in the Data Studio (Site members).
          </EmptyState>
        ) : siteId ? (
          children(siteId)
        ) : null}
      </main>
      <Toasts />
    </div>
  );
}
