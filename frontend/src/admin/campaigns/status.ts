export const ARTICLE_STATUSES = ['qc', 'approved', 'scheduled', 'published'] as const;

const LABELS: Record<string, string> = {
  qc: 'in review',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
};

export const statusLabel = (status: string) => LABELS[status] ?? status;
