import { QueueHealthPanel } from './QueueHealthPanel.js';
import { ServiceHealthPanel } from './ServiceHealthPanel.js';
import { WorklogPanel } from './WorklogPanel.js';

/**
 * What happened and what is running. Every member sees their site's work log; queue and service health span
 * every site, so only administrators get those panels (their routes answer 403 to anyone else).
 */
export function OperationsPage({ siteId, isAdmin }: { siteId: string; isAdmin: boolean }) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold text-slate-900">Operations</h1>
      {isAdmin ? (
        <>
          <ServiceHealthPanel />
          <QueueHealthPanel />
        </>
      ) : null}
      <WorklogPanel siteId={siteId} />
    </div>
  );
}
