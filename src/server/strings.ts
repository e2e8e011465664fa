import {
  GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type TypeNode,
} from 'graphql';
import { ErrorCode } from '../contracts/errors';
import { perDocument } from './documents';

/**
 * Names, keys, ids and search words are short; a megabyte `%_%_…` pattern only ties up the pool (issue 13). The one
 * argument that carries a document (ingestReport's content) is bounded by the HTTP body limit instead.
 */
export const MAX_ARGUMENT_CHARS = 1000;

/** Input types that carry documents, and the field whose literal arguments may. */
const DOCUMENT_INPUT_TYPES = new Set(['IngestReportInput']);
const DOCUMENT_FIELDS = new Set(['ingestReport']);

function refuse(message: string, code: ErrorCode.ARGUMENT_TOO_LONG | ErrorCode.BAD_USER_INPUT): GraphQLError {
  return new GraphQLError(message, { extensions: { code, maxLength: MAX_ARGUMENT_CHARS, http: { status: 400 } } });
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** A string the database could not take (NUL, PostgreSQL 22021) or that is far longer than any real argument. */
function checkString(value: string, where: string): void {
  if (value.length > MAX_ARGUMENT_CHARS) {
    throw refuse(`${where} is ${value.length} characters long; at most ${MAX_ARGUMENT_CHARS}`, ErrorCode.ARGUMENT_TOO_LONG);
  }
  if (value.includes('\u0000')) throw refuse(`${where} contains a NUL character`, ErrorCode.BAD_USER_INPUT);
}

function checkValue(value: unknown, where: string): void {
  if (typeof value === 'string') checkString(value, where);
  else if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkValue(v, `${where}.${k}`);
  }
}

/** Refuses over-long or NUL-bearing strings in the variables and in the document's literals, before anything runs. */
export function checkStringArguments(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  for (const def of operation.variableDefinitions ?? []) {
    if (DOCUMENT_INPUT_TYPES.has(namedType(def.type))) continue;
    const name = def.variable.name.value;
    checkValue(variables[name], `variable $${name}`);
  }
  const issue = literalIssue(document);
  if (issue) throw refuse(issue.message, issue.code);
}

type Issue = { message: string; code: ErrorCode.ARGUMENT_TOO_LONG | ErrorCode.BAD_USER_INPUT };

/** The first string literal of the document that checkString refuses (the same document always has the same one). */
const literalIssue = perDocument((document: DocumentNode): Issue | null => {
  let insideDocumentField = 0;
  try {
    visit(document, {
      Field: {
        enter: (node) => void (DOCUMENT_FIELDS.has(node.name.value) && insideDocumentField++),
        leave: (node) => void (DOCUMENT_FIELDS.has(node.name.value) && insideDocumentField--),
      },
      StringValue: (node) => {
        if (insideDocumentField === 0) checkString(node.value, 'a string argument');
      },
    });
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { message: e.message, code: e.extensions.code as Issue['code'] };
  }
  return null;
});
