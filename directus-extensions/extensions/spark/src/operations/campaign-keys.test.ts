import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { campaignIdsOf } from './campaign-keys.js';

const id = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

describe('the campaigns a Flows operation acts on', () => {
  it('is the campaign option when it is set, whatever the flow ran on', () => {
    expect(campaignIdsOf(` ${id} `, { $trigger: { body: { keys: [other] } } })).toEqual([id]);
  });

  it('falls back to the items a manual flow ran on', () => {
    expect(
      campaignIdsOf('', { $trigger: { body: { collection: 'campaign_masters', keys: [id, other] } } }),
    ).toEqual([id, other]);
  });

  it('refuses no campaign at all and a value that is not an id, naming it', () => {
    expect(() => campaignIdsOf(undefined, {})).toThrowError(AppError);
    expect(() => campaignIdsOf('{{$trigger.body.keys[0]}}', {})).toThrowError(
      /"\{\{\$trigger.body.keys\[0\]\}\}" is not a campaign id/,
    );
  });
});
