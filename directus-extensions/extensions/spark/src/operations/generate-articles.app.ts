import type { OperationAppConfig } from '@directus/types';

/** The Flows editor's side of "Spark: generate articles": what a marketer fills in, and the card's summary. */
const generateArticlesApp: OperationAppConfig = {
  id: 'spark-generate-articles',
  name: 'Spark: generate articles',
  icon: 'auto_awesome',
  description: 'Generate articles for a campaign, as the user running the flow.',
  overview: ({ campaign, count }) => [
    { label: 'Campaign', text: campaign || 'the campaigns the flow runs on' },
    { label: 'Articles', text: String(count ?? '') },
  ],
  options: [
    {
      field: 'campaign',
      name: 'Campaign',
      type: 'string',
      meta: {
        width: 'full',
        interface: 'input',
        note: 'A campaign id or a template like {{$trigger.body.keys[0]}}; empty = the campaigns a manual flow runs on.',
      },
    },
    {
      field: 'count',
      name: 'Articles per campaign',
      type: 'integer',
      meta: { width: 'half', interface: 'input', options: { min: 1, max: 10000 } },
      schema: { default_value: 50 },
    },
  ],
};

export default generateArticlesApp;
