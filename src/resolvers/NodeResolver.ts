import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { NODE_TYPE, NodeInterface, type NodeTypeName, type TaggedNode } from '../schema/types';
import type { NianbaoContext } from './context';
import { badInput } from './errors';
import { globalIdOf, parseGlobalId, type NodeRef } from './globalIds';
import { publicFileName } from './ReportResolver';

export const MAX_NODES = 100;

type Fetch = (ctx: NianbaoContext, id: string) => Promise<object | null>;

/** How each node type is read: through the per-request DataLoaders, so `nodes(ids:)` batches per type. */
const FETCH: Record<NodeTypeName, Fetch> = {
  Report: (ctx, id) => ctx.loaders.report.load(id),
  Agency: (ctx, id) => ctx.loaders.agency.load(id),
  Region: (ctx, code) => ctx.loaders.region.load(code),
  Section: (ctx, id) => ctx.loaders.section.load(id),
  Cell: (ctx, id) => ctx.loaders.cell.load(id),
  ReportSource: async (ctx, id) => {
    const source = await ctx.loaders.source.load(id);
    if (!source) return null;
    // `current` as Report.sources says it: the source the agency's report of that year was parsed from.
    const reports = source.agencyId ? await ctx.loaders.reportsOfAgency.load(source.agencyId) : [];
    const current = reports.some((r) => r.sourceId === source.id);
    return { ...source, fileName: publicFileName(source.fileName), current };
  },
};

/** The database id a node's global id is made of (regions are keyed by their code). */
function rawIdOf(root: { id?: unknown; code?: unknown }): string {
  return String(root.id ?? root.code);
}

async function fetchNode(ctx: NianbaoContext, ref: NodeRef): Promise<TaggedNode | null> {
  const row = await FETCH[ref.type](ctx, ref.id);
  return row ? { ...(row as Record<string, unknown>), [NODE_TYPE]: ref.type } : null;
}

@Resolver(() => NodeInterface)
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Any object by its global id (`nodeId`); null when it no longer exists. A malformed id is BAD_NODE_ID.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext): Promise<TaggedNode | null> {
    return fetchNode(ctx, parseGlobalId(id));
  }

  @Query(() => [NodeInterface], { nullable: 'items', description: `Objects by global id, in the order asked (null for a missing one); at most ${MAX_NODES}.` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: NianbaoContext): Promise<(TaggedNode | null)[]> {
    if (ids.length > MAX_NODES) throw badInput(`nodes takes at most ${MAX_NODES} ids (got ${ids.length})`, { maxNodes: MAX_NODES });
    // Every id is checked before any is read: one malformed id refuses the whole list.
    const refs = ids.map(parseGlobalId);
    return Promise.all(refs.map((ref) => fetchNode(ctx, ref)));
  }

  @FieldResolver(() => ID)
  nodeId(@Root() root: { id?: unknown; code?: unknown }, @Info() info: GraphQLResolveInfo): string {
    return globalIdOf(info.parentType.name as NodeTypeName, rawIdOf(root));
  }
}
