import { Kind, valueFromASTUntyped, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The `key` arguments of `cell(key:)` fields selected under `edges { node { … } }` of a connection field, following
 * inline fragments and fragment spreads. Lets `reports` fetch each report's one requested cell in the same statement
 * as the page (the bot's lookup), instead of a second round trip through the cell loader.
 */
export function cellKeysUnderNodes(info: GraphQLResolveInfo): Set<string> {
  const keys = new Set<string>();
  for (const field of info.fieldNodes) {
    for (const edges of fieldsNamed(field.selectionSet, 'edges', info)) {
      for (const node of fieldsNamed(edges.selectionSet, 'node', info)) {
        for (const cell of fieldsNamed(node.selectionSet, 'cell', info)) {
          const arg = cell.arguments?.find((a) => a.name.value === 'key');
          const value = arg ? valueFromASTUntyped(arg.value, info.variableValues) : undefined;
          if (typeof value === 'string') keys.add(value);
        }
      }
    }
  }
  return keys;
}

type FieldNode = Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>;

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
