import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import type { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { ErrorCode } from '../contracts/errors';
import { inReadScope } from '../db/queries';
import { JSON_CONTENT_TYPE, type CompiledPath } from './compiledPath';

/**
 * `/graphql` served straight from node:http to Apollo's executeHTTPGraphQLRequest. Express's router, body-parser and
 * response helpers cost as much CPU per request as executing a lookup (BENCHMARKS.md), so the one hot route skips
 * them; every other route (GraphiQL, /health) stays in express. A request of an operation already compiled skips
 * Apollo too (compiledPath.ts).
 */
export const BODY_LIMIT_BYTES = 16 * 1024 * 1024;
const BODY_LIMIT_TEXT = '16mb';

export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function isGraphQLPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === '/graphql' || path === '/graphql/';
}

export function graphqlHandler<C extends object>(apollo: ApolloServer<C>, context: (req: IncomingMessage) => Promise<C>, compiled?: CompiledPath<C>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return sendJson(res, e.status, errorBody(e.message, ErrorCode.BAD_REQUEST));
    }
    if (compiled && req.method === 'POST' && body !== undefined) {
      const text = await compiled.answer(body, req.headers, () => context(req));
      if (text !== null) {
        res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(), headers, search: query >= 0 ? url.slice(query) : '', body,
    };
    const response = await inReadScope(() => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req) }));
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The JSON body of a request (undefined when it is not JSON: Apollo then says what it expected), at most 16 MB. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_LIMIT_BYTES) throw tooLarge(req);
  const text = await readText(decoded(req));
  if (!(type === 'application/json' || type.endsWith('+json'))) return undefined;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'request body is not valid JSON');
  }
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  const inflate = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (!inflate) {
    req.resume();
    throw new BodyError(415, `unsupported content encoding "${encoding}"`);
  }
  req.on('error', (e) => inflate.destroy(e));
  return req.pipe(inflate);
}

function readText(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        stream.removeAllListeners('data');
        reject(tooLarge(stream));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', () => reject(new BodyError(400, 'request body could not be read')));
  });
}

function tooLarge(body: Readable): BodyError {
  body.resume(); // drain, so that the connection can answer
  return new BodyError(413, `request body too large (at most ${BODY_LIMIT_TEXT})`);
}

/** The GraphQL-shaped error body of a request refused outside GraphQL execution (HTTP layer, other routes). */
export function errorBody(message: string, code: ErrorCode.BAD_REQUEST | ErrorCode.INTERNAL_SERVER_ERROR) {
  return { errors: [{ message, extensions: { code } }] };
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
