import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** `NIANBAO_CORS_ORIGINS`: a comma list of origins, `*` for any (development); unset → no cross-origin access. */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.NIANBAO_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}

export type HttpMiddleware = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The cors package on plain node:http (`/graphql` does not go through express). Resolves true when the request was
 * answered (a preflight: 204), false when the next handler should answer it. Apollo's CSRF prevention stays on: a
 * browser only sends the JSON POST it needs after a successful preflight.
 */
export function corsMiddleware(origins: string[]): HttpMiddleware | undefined {
  if (origins.length === 0) return undefined;
  const handler = cors({
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) => new Promise((resolve, reject) => {
    res.once('finish', () => resolve(true));
    handler(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
  });
}
