import { defineInterface } from '@directus/extensions-sdk';
import component from './key-value.vue';

/**
 * Edits a JSON object (`{"service": "roof repair"}`) as rows of name and value instead of raw JSON. With `keys`
 * the names are fixed (brand colours: primary, secondary, …); with `valueType: 'color'` each value gets a colour
 * picker next to its hex code.
 */
export default defineInterface({
  id: 'spark-key-value',
  name: 'Spark: names and values',
  description: 'Edit a JSON object as rows of name and value.',
  icon: 'view_list',
  component: component as Parameters<typeof defineInterface>[0]['component'],
  types: ['json'],
  group: 'other',
  options: [
    {
      field: 'keys',
      name: 'Fixed names',
      type: 'json',
      meta: { interface: 'tags', width: 'full' },
    },
    {
      field: 'valueType',
      name: 'Values',
      type: 'string',
      meta: {
        interface: 'select-dropdown',
        width: 'half',
        options: {
          choices: [
            { text: 'Text', value: 'text' },
            { text: 'Colour', value: 'color' },
          ],
        },
      },
    },
    {
      field: 'keyPlaceholder',
      name: 'Name placeholder',
      type: 'string',
      meta: { interface: 'input', width: 'half' },
    },
  ],
});
