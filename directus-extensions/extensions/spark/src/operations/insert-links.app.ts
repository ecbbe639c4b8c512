import type { OperationAppConfig } from '@directus/types';

/** The Flows editor's side of "Spark: insert links". */
const insertLinksApp: OperationAppConfig = {
  id: 'spark-insert-links',
  name: 'Spark: insert links',
  icon: 'link',
  description: 'Link a campaign’s articles to each other, as the user running the flow.',
  overview: ({ campaign }) => [{ label: 'Campaign', text: campaign || 'the campaigns the flow runs on' }],
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
  ],
};

export default insertLinksApp;
