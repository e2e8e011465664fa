import { Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead into the selection of a connection field, so that its resolver can fetch in the same statement what the
 * client asked below its nodes (the bot's lookup asks one cell of a report; a ranking asks each cell's report and
 * agency) and prime the DataLoaders with it, instead of paying one more round trip per level.
 */

/** The field nodes reached by following `path` (e.g. edges → node → cell) from the resolved field. */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = level.flatMap((f) => fieldsNamed(f.selectionSet, name, info));
  return [...level];
}

/** The `key` arguments of `cell(key:)` under `edges { node { … } }`. */
export function cellKeysUnderNodes(info: GraphQLResolveInfo): Set<string> {
  const keys = new Set<string>();
  for (const cell of fieldsAt(info, ['edges', 'node', 'cell'])) {
    const arg = cell.arguments?.find((a) => a.name.value === 'key');
    const value = arg ? valueFromASTUntyped(arg.value, info.variableValues) : undefined;
    if (typeof value === 'string') keys.add(value);
  }
  return keys;
}

function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === name ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(s.selectionSet, name, info, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return fieldsNamed(info.fragments[s.name.value]?.selectionSet, name, info, seen);
  });
}
