import { useQuery } from '@tanstack/react-query';
import { serviceHealthQuery } from '../api/operations-queries.js';
import { ErrorNote, Skeleton } from '../ui/primitives.js';

const SERVICES = [
  ['database', 'Database'],
  ['redis', 'Redis'],
  ['directus', 'Directus'],
  ['worker', 'Worker'],
] as const;

/** Administrators: each backing service up or down, with its latency and, when down, why. */
export function ServiceHealthPanel() {
  const health = useQuery(serviceHealthQuery());
  return (
    <section aria-labelledby="services-heading" className="space-y-3">
      <h2 id="services-heading" className="text-xl font-semibold text-slate-900">
        Services
      </h2>
      {health.isPending ? (
        <Skeleton label="Checking services" lines={1} />
      ) : health.isError ? (
        <ErrorNote error={health.error} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="services">
          {SERVICES.map(([key, label]) => {
            const service = health.data.data[key];
            const up = service.status === 'up';
            return (
              <li key={key} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium text-slate-900">{label}</p>
                <p className={up ? 'text-green-800' : 'text-red-800'} data-testid={`service-${key}`}>
                  {up ? 'Up' : 'Down'} · {service.latency_ms} ms
                  {'workers' in service ? ` · ${service.workers} workers` : ''}
                </p>
                {service.error ? <p className="break-words text-red-900">{service.error}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
