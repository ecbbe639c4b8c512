import { AppError } from '@spark/contracts';
import type { LeadDetail, LeadNote, LeadStatus } from '@spark/contracts/api';
import { type Pool, type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { loadLeadDetail, type SiteScope } from './lead-detail.js';

/** Who acts, and on which sites they may. */
export interface LeadActor {
  userId: string;
  scope: SiteScope;
}

const notFound = (leadId: string) => new AppError('NOT_FOUND', `No lead ${leadId} is visible to you`);

/** Locks the lead for the change, so two marketers moving it at once are logged in the order they happened. */
async function lockLead(client: PoolClient, actor: LeadActor, leadId: string) {
  const { rows } = await client.query<{ site_id: string; status: LeadStatus }>(
    `select site_id, status from leads
     where id = $1 and ($2::uuid[] is null or site_id = any($2::uuid[])) for update`,
    [leadId, actor.scope],
  );
  const lead = rows[0];
  if (!lead) throw notFound(leadId);
  return lead;
}

async function insertNote(
  client: PoolClient,
  actor: LeadActor,
  lead: { id: string; siteId: string },
  body: string,
): Promise<LeadNote> {
  const { rows } = await client.query<{
    id: string;
    author_id: string | null;
    body: string;
    date_created: Date;
  }>(
    `insert into lead_notes (site_id, lead_id, author_id, body) values ($1, $2, $3, $4)
     returning id, author_id, body, date_created`,
    [lead.siteId, lead.id, actor.userId, body],
  );
  const note = rows[0];
  if (!note) throw new Error('insert into lead_notes returned no row');
  // The log names the note, not its text: notes hold what customers said, the log is read more widely.
  await writeWorkLog(
    {
      action: 'lead.note_added',
      entityType: 'leads',
      entityId: lead.id,
      siteId: lead.siteId,
      userId: actor.userId,
      details: { note_id: note.id, length: body.length },
    },
    client,
  );
  return { ...note, date_created: note.date_created.toISOString() };
}

/** Adds a note to a lead; the note and its work-log entry commit together. */
export async function addLeadNote(
  db: Pool,
  actor: LeadActor,
  leadId: string,
  body: string,
): Promise<LeadNote> {
  return withTransaction(db, async (client) => {
    const lead = await lockLead(client, actor, leadId);
    return insertNote(client, actor, { id: leadId, siteId: lead.site_id }, body);
  });
}

/**
 * Moves a lead to `status` (any move is allowed, so a slip can be undone), with an optional note. The change,
 * the note and their work-log entries commit together; moving a lead to the status it has writes only the note.
 */
export async function changeLeadStatus(
  db: Pool,
  actor: LeadActor,
  leadId: string,
  change: { status: LeadStatus; note?: string | undefined },
): Promise<LeadDetail> {
  return withTransaction(db, async (client) => {
    const lead = await lockLead(client, actor, leadId);
    const target = { id: leadId, siteId: lead.site_id };
    const note = change.note ? await insertNote(client, actor, target, change.note) : null;
    if (change.status !== lead.status) {
      // A lead marked as spam by hand says so, like one screening caught says why.
      await client.query(
        `update leads set status = $2,
           spam_reason = case when $2 = 'spam' then coalesce(spam_reason, 'marked_by_hand') else spam_reason end
         where id = $1`,
        [leadId, change.status],
      );
      await writeWorkLog(
        {
          action: 'lead.status_changed',
          entityType: 'leads',
          entityId: leadId,
          siteId: lead.site_id,
          userId: actor.userId,
          details: { from: lead.status, to: change.status, note_id: note?.id ?? null },
        },
        client,
      );
    }
    const detail = await loadLeadDetail(client, actor.scope, leadId);
    if (!detail) throw notFound(leadId);
    return detail;
  });
}
