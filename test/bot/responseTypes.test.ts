import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import ts from 'typescript';

/**
 * The bot declares the shape of each response in TypeScript (src/bot/graph.ts: `this.run<T>('BotX', …)`). Read with the
 * compiler's own checker, every property of T must be selected by the operation file it names, objects where the
 * operation selects sub-fields and scalars where it selects a leaf: a type that claims a field the query does not
 * fetch cannot pass.
 */
const ROOT = path.resolve(__dirname, '../..');
const GRAPH = path.join(ROOT, 'src/bot/graph.ts');

const program = ts.createProgram([GRAPH], {
  strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, types: [],
});
const checker = program.getTypeChecker();

interface Use {
  operation: string;
  type: ts.Type;
  at: ts.Node;
}

function uses(): Use[] {
  const found: Use[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'run'
      && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword && node.typeArguments?.length === 1
      && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      found.push({ operation: node.arguments[0].text, type: checker.getTypeFromTypeNode(node.typeArguments[0]), at: node });
    }
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile(GRAPH)!);
  return found;
}

function operation(name: string): OperationDefinitionNode {
  const doc = parse(readFileSync(path.join(ROOT, 'src/bot/operations', `${name}.graphql`), 'utf8'));
  return doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
}

const isScalar = (t: ts.Type) => (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) !== 0;

/** Where `type` claims more than `selection` fetches. */
function mismatches(type: ts.Type, selection: SelectionSetNode | undefined, where: string, at: ts.Node): string[] {
  let t = checker.getNonNullableType(type);
  while (checker.isArrayType(t)) t = checker.getNonNullableType(checker.getTypeArguments(t as ts.TypeReference)[0]);
  if (t.isUnion() && t.types.every(isScalar)) t = t.types[0];
  if (isScalar(t)) return selection ? [`${where}: a scalar in TypeScript, an object in the operation`] : [];
  if (!selection) return [`${where}: an object in TypeScript, a scalar in the operation`];
  const out: string[] = [];
  for (const p of checker.getPropertiesOfType(t)) {
    const field = selection.selections.find((s) => s.kind === Kind.FIELD && (s.alias ?? s.name).value === p.name);
    if (!field || field.kind !== Kind.FIELD) out.push(`${where}.${p.name}: declared, not selected`);
    else out.push(...mismatches(checker.getTypeOfSymbolAtLocation(p, at), field.selectionSet, `${where}.${p.name}`, at));
  }
  return out;
}

const all = uses();

describe("the bot's response types", () => {
  it('finds the typed calls (the reader is not blind)', () => {
    expect(all.map((u) => u.operation)).toEqual(expect.arrayContaining(['BotCell', 'BotRanking', 'BotAgencies', 'BotMetrics']));
  });

  it.each(all.map((u) => [u.operation, u] as const))('%s declares only what its operation selects', (_name, u) => {
    expect(mismatches(u.type, operation(u.operation).selectionSet, u.operation, u.at)).toEqual([]);
  });
});
