import type { LeadStatus } from '@spark/contracts/admin';

export const STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  won: 'Won',
  lost: 'Lost',
  spam: 'Spam',
};

export const WEBHOOK_LABELS = {
  none: 'No webhook',
  pending: 'Queued',
  delivered: 'Delivered',
  failed: 'Failed',
} as const;
