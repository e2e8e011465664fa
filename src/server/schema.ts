import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { RESOLVERS } from '../resolvers';
import type { NianbaoContext } from '../resolvers/context';

/** Federation 2 header of the subgraph SDL: the directives type-graphql emits come from here. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

/** Entities of the graph and how a gateway reference becomes a row: always through the per-request DataLoaders. */
const REFERENCE_RESOLVERS = {
  Report: { __resolveReference: (ref: { id: string }, ctx: NianbaoContext) => ctx.loaders.report.load(ref.id) },
  Agency: { __resolveReference: (ref: { id: string }, ctx: NianbaoContext) => ctx.loaders.agency.load(ref.id) },
  Region: { __resolveReference: (ref: { code: string }, ctx: NianbaoContext) => ctx.loaders.region.load(ref.code) },
};

/** The key field of each entity a representation in `_entities` must carry (as in the @key directives). */
export const ENTITY_KEYS: Record<string, string> = { Report: 'id', Agency: 'id', Region: 'code' };

export interface NianbaoSchema {
  /** The executable Federation 2 subgraph schema (with _service and _entities). */
  schema: GraphQLSchema;
  /** The subgraph SDL as committed in schema.graphql. */
  sdl: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function buildNianbaoSchema(resolvers: NonEmptyArray<Function> = RESOLVERS): Promise<NianbaoSchema> {
  // skipCheck: type-graphql would reject the federation directives it does not define itself.
  const local = await buildSchema({ resolvers, skipCheck: true, validate: false });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(local)}`;
  const schema = buildSubgraphSchema([
    { typeDefs: parse(sdl), resolvers: mergeResolvers(withoutPlainFields(createResolversMap(local) as ResolverMap), REFERENCE_RESOLVERS) },
  ]);
  return { schema, sdl };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * type-graphql gives every field a resolver, even a plain property (`root[name]` through its middleware chain, with
 * an object allocated per call); graphql-js's default resolver reads the same property. A full report resolves ~2,500
 * such fields, so the plain ones (no field resolver, middleware or roles, and the GraphQL name is the property's) are
 * left to the default. Renamed fields (Cell.table ← tableId) keep theirs.
 */
function withoutPlainFields(map: ResolverMap): ResolverMap {
  const storage = getMetadataStorage();
  const resolved = new Set(storage.fieldResolvers.map((r) => `${r.getObjectType?.()?.name}.${r.methodName}`));
  for (const type of storage.objectTypes) {
    const fields = map[type.name];
    if (!fields) continue;
    for (const f of type.fields ?? []) {
      const plain = f.name === f.schemaName && (f.middlewares ?? []).length === 0 && !f.roles && !resolved.has(`${type.target.name}.${f.name}`);
      if (plain) delete fields[f.schemaName];
    }
  }
  return map;
}

function mergeResolvers(base: ResolverMap, extra: ResolverMap): never {
  const merged: ResolverMap = { ...base };
  for (const [type, fields] of Object.entries(extra)) merged[type] = { ...(merged[type] ?? {}), ...fields };
  return merged as never;
}
