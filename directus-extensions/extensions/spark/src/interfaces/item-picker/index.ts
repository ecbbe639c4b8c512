import { defineInterface } from '@directus/extensions-sdk';
import component from './item-picker.vue';

/**
 * Picks items of another collection by a readable field and stores their ids, for id-list columns Directus has
 * no relation type for (a `uuid[]` such as a campaign's avatars). The list is read with the signed-in user's
 * permissions, so an editor is offered their own site's items and the shared library only.
 */
export default defineInterface({
  id: 'spark-item-picker',
  name: 'Spark: pick items by name',
  description: 'Choose items of a collection by name; stores their ids.',
  icon: 'checklist',
  component: component as Parameters<typeof defineInterface>[0]['component'],
  types: ['unknown', 'json', 'csv'],
  group: 'relational',
  options: [
    {
      field: 'relatedCollection',
      name: 'Collection',
      type: 'string',
      meta: { interface: 'system-collection', width: 'half' },
    },
    {
      field: 'displayField',
      name: 'Display field',
      type: 'string',
      meta: { interface: 'input', width: 'half', options: { placeholder: 'name' } },
    },
  ],
});
