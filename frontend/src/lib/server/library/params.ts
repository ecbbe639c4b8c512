import {
  AppError,
  type LibraryCollection,
  LibraryCollectionParamsSchema,
  LibraryItemParamsSchema,
} from '@spark/contracts';

type RawParams = Record<string, string | undefined>;

/** An unknown collection or a malformed id is a path that names nothing: 404, like any other unknown row. */
export function collectionParam(params: RawParams): LibraryCollection {
  const parsed = LibraryCollectionParamsSchema.safeParse({ collection: params.collection });
  if (!parsed.success) throw new AppError('NOT_FOUND', `No library collection ${params.collection ?? ''}`);
  return parsed.data.collection;
}

export function itemParams(params: RawParams): { collection: LibraryCollection; id: string } {
  const collection = collectionParam(params);
  const parsed = LibraryItemParamsSchema.safeParse({ collection, id: params.id });
  if (!parsed.success) throw new AppError('NOT_FOUND', `No library row ${params.id ?? ''} is visible to you`);
  return parsed.data;
}
