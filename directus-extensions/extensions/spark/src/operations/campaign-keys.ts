import { AppError } from '@spark/contracts';
import { z } from 'zod';

const uuid = z.string().uuid();
const TriggerSchema = z.object({ $trigger: z.object({ body: z.object({ keys: z.array(z.unknown()) }) }) });

/**
 * The campaigns an operation acts on: its `campaign` option (a fixed id, or a template such as
 * `{{$trigger.body.keys[0]}}` Directus has already filled in), else the items a manual flow on campaigns was
 * run for. Anything that is not a campaign id is refused with the value named.
 */
export function campaignIdsOf(option: unknown, data: Record<string, unknown>): string[] {
  const raw = typeof option === 'string' && option.trim() !== '' ? [option.trim()] : triggerKeys(data);
  if (raw.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Name the campaign: set the operation’s campaign option or run the flow on campaigns',
    );
  }
  return raw.map((value) => {
    const parsed = uuid.safeParse(value);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', `"${String(value)}" is not a campaign id`);
    return parsed.data;
  });
}

function triggerKeys(data: Record<string, unknown>): unknown[] {
  const parsed = TriggerSchema.safeParse(data);
  return parsed.success ? parsed.data.$trigger.body.keys : [];
}
