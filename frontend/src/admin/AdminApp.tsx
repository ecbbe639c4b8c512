import type { AdminSession } from '@spark/contracts/admin';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AdminShell } from './AdminShell.js';
import { ApiError } from './api/client.js';
import { BoardPage } from './board/BoardPage.js';
import { CampaignEditorPage } from './campaigns/CampaignEditorPage.js';
import { CampaignList } from './campaigns/CampaignList.js';
import { AnalyticsPage } from './insights/AnalyticsPage.js';
import { DashboardPage } from './insights/DashboardPage.js';
import { JobsPage } from './jobs/JobsPage.js';
import { LeadDetailPage } from './leads/LeadDetailPage.js';
import { LeadsPage } from './leads/LeadsPage.js';
import { LibraryPage } from './library/LibraryPage.js';
import { LinksPage } from './links/LinksPage.js';
import { OperationsPage } from './operations/OperationsPage.js';
import { QualityPage } from './quality/QualityPage.js';
import { useAdminUi } from './store.js';

export type AdminPage =
  | 'dashboard'
  | 'analytics'
  | 'campaigns'
  | 'campaign-new'
  | 'campaign-edit'
  | 'jobs'
  | 'board'
  | 'leads'
  | 'lead'
  | 'library'
  | 'quality'
  | 'links'
  | 'operations';

interface Props {
  page: AdminPage;
  /** The campaign being edited, on `campaign-edit`; the lead shown, on `lead`; the library section, on `library`. */
  id?: string;
  session: AdminSession['data'];
}

/** Validation errors are shown next to their field by the form; everything else becomes a toast. */
const toastError = (error: unknown) => {
  if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.status === 401)) return;
  useAdminUi.getState().toast('error', error instanceof Error ? error.message : 'Something went wrong');
};

function makeClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toastError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.ownErrorToast) toastError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

/** The one island of every admin page: providers, the shell, and the page the URL named. */
export default function AdminApp({ page, id, session }: Props) {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      <AdminShell page={page} session={session}>
        {(siteId) => {
          if (page === 'campaigns') return <CampaignList siteId={siteId} />;
          if (page === 'campaign-new') return <CampaignEditorPage siteId={siteId} campaignId={null} />;
          if (page === 'campaign-edit' && id) return <CampaignEditorPage siteId={siteId} campaignId={id} />;
          if (page === 'jobs') return <JobsPage siteId={siteId} />;
          if (page === 'leads') return <LeadsPage siteId={siteId} />;
          if (page === 'lead' && id) return <LeadDetailPage siteId={siteId} leadId={id} />;
          if (page === 'library')
            return <LibraryPage siteId={siteId} section={id ?? ''} canEditShared={session.user.is_admin} />;
          if (page === 'dashboard') return <DashboardPage siteId={siteId} isAdmin={session.user.is_admin} />;
          if (page === 'analytics') return <AnalyticsPage siteId={siteId} />;
          if (page === 'quality') return <QualityPage siteId={siteId} />;
          if (page === 'links') return <LinksPage siteId={siteId} />;
          if (page === 'operations')
            return <OperationsPage siteId={siteId} isAdmin={session.user.is_admin} />;
          return <BoardPage siteId={siteId} />;
        }}
      </AdminShell>
    </QueryClientProvider>
  );
}
