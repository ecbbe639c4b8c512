import { STUDIO_FLOW_IDS } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { flowId, MANUAL_FLOWS } from './flows.js';

const flowKeyed = (key: string) => {
  const flow = MANUAL_FLOWS.find((f) => f.key === key);
  if (!flow) throw new Error(`no flow ${key}`);
  return flow;
};

describe('the manual flows’ ids', () => {
  it('are the ones the contracts publish, so tests and links reach the provisioned flows', () => {
    expect({
      previewHeadlines: flowId(flowKeyed('preview-headlines')),
      generate50Articles: flowId(flowKeyed('generate-50-articles')),
      approveSelected: flowId(flowKeyed('approve-selected')),
      publishSelected: flowId(flowKeyed('publish-selected')),
    }).toEqual(STUDIO_FLOW_IDS);
  });
});
