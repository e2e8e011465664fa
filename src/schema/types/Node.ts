import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL types that are Relay nodes; a global id names one of them. */
export const NODE_TYPES = ['Report', 'Agency', 'Region', 'Section', 'Cell', 'ReportSource'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** Where `node`/`nodes` put the type of the row they return (rows are plain objects, not class instances). */
export const NODE_TYPE = Symbol('nodeType');
export type TaggedNode = Record<string | symbol, unknown> & { [NODE_TYPE]: NodeTypeName };

/**
 * The Relay Node interface. Its global id is `nodeId` (as PostGraphile names it) and not `id`: `id` stays the
 * database id that filters (`agencyId`, `reports(filter:{agency})`), `report(id:)`, the federation keys and the bot use.
 * Relay's compiler takes this with `nodeInterfaceIdField: "nodeId"`.
 */
@InterfaceType('Node', {
  description: 'An object with a global id: fetch it again with `node(id:)`.',
  resolveType: (value: TaggedNode) => value[NODE_TYPE],
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Global id (Relay): base64 of "<type>:<id>", accepted by `node(id:)` and `nodes(ids:)`.' })
  nodeId!: string;
}
