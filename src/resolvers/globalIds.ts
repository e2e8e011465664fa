import { GraphQLError } from 'graphql';
import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { ErrorCode } from '../contracts/errors';
import { NODE_TYPES, type NodeTypeName } from '../schema/types';
import { isUuid } from './errors';

/** Largest PostgreSQL bigint: a longer or larger number would make the database refuse the statement (a 500). */
const MAX_BIGINT = 9223372036854775807n;

export function isBigintId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT;
}

/** What the database id of each node type looks like: anything else is a malformed global id, not a missing row. */
const ID_SHAPES: Record<NodeTypeName, (id: string) => boolean> = {
  Report: isUuid,
  Agency: isUuid,
  ReportSource: isUuid,
  Region: (code) => /^\d{2,12}$/.test(code),
  Section: isBigintId,
  Cell: isBigintId,
};

export interface NodeRef {
  type: NodeTypeName;
  id: string;
}

export function globalIdOf(type: NodeTypeName, id: string): string {
  return toGlobalId(type, id);
}

function badNodeId(globalId: string, why: string): GraphQLError {
  return new GraphQLError(`invalid node id "${globalId.slice(0, 60)}": ${why}; pass the nodeId of an object`, {
    extensions: { code: ErrorCode.BAD_NODE_ID, http: { status: 400 } },
  });
}

/** Decodes a global id; refuses one that is not base64 of "<known type>:<id of that type's shape>". */
export function parseGlobalId(globalId: string): NodeRef {
  // graphql-relay's fromGlobalId never fails: garbage decodes to a type and id of garbage, checked here.
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalId) ? fromGlobalId(globalId) : null;
  if (!decoded || toGlobalId(decoded.type, decoded.id) !== globalId) throw badNodeId(globalId, 'not a global id');
  const type = NODE_TYPES.find((t) => t === decoded.type);
  if (!type) throw badNodeId(globalId, `unknown type "${decoded.type.slice(0, 30)}" (one of ${NODE_TYPES.join(', ')})`);
  if (!ID_SHAPES[type](decoded.id)) throw badNodeId(globalId, `"${decoded.id.slice(0, 40)}" is not a ${type} id`);
  return { type, id: decoded.id };
}
