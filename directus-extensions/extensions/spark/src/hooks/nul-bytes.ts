import { InvalidPayloadError } from '@directus/errors';
import type { HookConfig } from '@directus/types';
import { findNulByte } from '../data/nul-bytes.js';

/**
 * A NUL character makes PostgreSQL fail the write (SQLSTATE 22021 for text, 22P05 for jsonb), which Directus
 * answers with a 500 on REST and an internal error on GraphQL. Refusing it in the create/update filters turns
 * it into INVALID_PAYLOAD on every door that goes through Directus's services.
 */
const SCOPES = [
  'items',
  'users',
  'files',
  'folders',
  'comments',
  'presets',
  'shares',
  'versions',
  'notifications',
];

const nulBytesHook: HookConfig = ({ filter }) => {
  for (const scope of SCOPES)
    for (const action of ['create', 'update'])
      filter(`${scope}.${action}`, (payload) => {
        const field = findNulByte(payload);
        if (field !== undefined)
          throw new InvalidPayloadError({ reason: `"${field}" contains a NUL (\\u0000) character` });
        return payload;
      });
};

export default nulBytesHook;
