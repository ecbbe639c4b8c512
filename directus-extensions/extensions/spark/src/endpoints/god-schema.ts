import type { EndpointConfig, RawCollection, Relation } from '@directus/types';
import { AppError } from '@spark/contracts';
import { stringify } from 'yaml';
import { godAccountability } from '../god/accountability.js';
import { parseBody } from '../god/parse-body.js';
import { godHandler } from '../god/respond.js';
import {
  createCollectionRequestSchema,
  createRelationRequestSchema,
  isSystemCollection,
} from '../schema/requests.js';

function refuseSystem(...names: (string | null | undefined)[]): void {
  const system = names.find((name) => name && isSystemCollection(name));
  if (system)
    throw new AppError('FORBIDDEN', `God mode does not change Directus system collections (${system})`);
}

/**
 * Schema changes go through Directus's own services (not raw DDL), so the Data Studio, the schema cache and the
 * snapshot all see them at once.
 */
const godSchema: EndpointConfig = {
  id: 'god/schema',
  handler: (router, { services, database, getSchema, logger }) => {
    const { CollectionsService, RelationsService, SchemaService } = services;

    router.post(
      '/collections/create',
      godHandler(logger, async (req, res) => {
        const body = parseBody(createCollectionRequestSchema, req.body, 'Collection');
        refuseSystem(body.collection);
        const schema = await getSchema({ database });
        if (schema.collections[body.collection]) {
          throw new AppError('CONFLICT', `Collection "${body.collection}" already exists`);
        }
        const accountability = godAccountability(req);
        const collections = new CollectionsService({ knex: database, schema, accountability });
        await collections.createOne({
          collection: body.collection,
          // Every field gets a directus_fields row (Data Studio, snapshot); Directus only fills in the
          // field/collection names of metas it was given, so an absent meta must become an empty one.
          fields: (body.fields ?? []).map((field) => ({ ...field, meta: field.meta ?? {} })),
          meta: body.meta ?? {},
          schema: body.schema === undefined ? {} : body.schema,
        } as RawCollection);
        const fresh = new CollectionsService({ knex: database, schema: await getSchema(), accountability });
        res.status(201).json({ data: await fresh.readOne(body.collection) });
      }),
    );

    router.post(
      '/relations/create',
      godHandler(logger, async (req, res) => {
        const body = parseBody(createRelationRequestSchema, req.body, 'Relation');
        refuseSystem(body.collection, body.related_collection);
        const accountability = godAccountability(req);
        const relations = new RelationsService({ knex: database, schema: await getSchema(), accountability });
        await relations.createOne(body as Partial<Relation>);
        const fresh = new RelationsService({ knex: database, schema: await getSchema(), accountability });
        const created = (await fresh.readAll(body.collection)).find(
          (relation) => relation.field === body.field,
        );
        res.status(201).json({ data: created ?? null });
      }),
    );

    router.get(
      '/snapshot',
      godHandler(logger, async (req, res) => {
        const service = new SchemaService({
          knex: database,
          schema: await getSchema(),
          accountability: godAccountability(req),
        });
        const snapshot = await service.snapshot();
        res.status(200).type('application/yaml').send(stringify(snapshot));
      }),
    );
  },
};

export default godSchema;
