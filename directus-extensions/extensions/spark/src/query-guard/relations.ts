import type { Relation } from '@directus/types';

/** Where one step of a filter, sort or deep path leads. `target` is null for a many-to-any field without a scope. */
export interface RelationalStep {
  kind: 'm2o' | 'o2m' | 'a2o' | 'o2a';
  target: string | null;
}

export type RelationOf = (collection: string, key: string) => RelationalStep | null;

const FOLLOW = /^\$FOLLOW\(([^)]*)\)$/;

/**
 * Resolves a path step the way Directus does: `$FOLLOW(collection,field[,collectionField])` is a reverse
 * (one-to-many) join to any collection, even without a registered relation; `field:collection` scopes a
 * many-to-any field; otherwise the field is a many-to-one foreign key or a one-to-many alias of a relation.
 */
export function relationsOf(relations: readonly Relation[]): RelationOf {
  return (collection, key) => {
    const follow = FOLLOW.exec(key.trim());
    if (follow) {
      const [target = '', , anyCollectionField] = (follow[1] ?? '').split(',').map((part) => part.trim());
      return { kind: anyCollectionField === undefined ? 'o2m' : 'o2a', target: target || null };
    }
    const [field = '', scope] = key.split(':');
    const manyToOne = relations.find((r) => r.collection === collection && r.field === field);
    if (manyToOne) {
      if (manyToOne.related_collection) return { kind: 'm2o', target: manyToOne.related_collection };
      return { kind: 'a2o', target: scope ?? null };
    }
    const oneToMany = relations.find(
      (r) => r.related_collection === collection && r.meta?.one_field === field,
    );
    if (oneToMany) return { kind: 'o2m', target: oneToMany.collection };
    return null;
  };
}
