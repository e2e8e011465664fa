/** Every environment variable nianbao reads: `--help`, the README table and .env.example list the same ones. */
export const ENV_VARS: [name: string, meaning: string][] = [
  ['PORT', 'serve: port to listen on (default 4000; 0 picks a free one)'],
  ['HOST', 'serve: address to bind (default 127.0.0.1)'],
  ['DATABASE_URL', 'external PostgreSQL, postgres:// or postgresql:// (default: embedded PostgreSQL)'],
  ['DATABASE_READ_URL', 'a read replica of the database: graph reads go there, writes and bot sessions to the primary (default: none)'],
  ['NIANBAO_DATA_DIR', 'folder of the embedded PostgreSQL (default ./.nianbao)'],
  ['NIANBAO_URL', 'ask: a running nianbao server to answer through, e.g. http://127.0.0.1:4000 (default: the serve on the data folder, if any)'],
  ['NIANBAO_PG_SETTINGS', 'extra settings for the embedded PostgreSQL'],
  ['NIANBAO_API_TOKEN', 'Bearer token that enables mutations (unset: mutations disabled)'],
  ['NIANBAO_INTROSPECTION', 'true/false: schema introspection (default on, off when NODE_ENV=production)'],
  ['NIANBAO_JIT', 'false: execute queries with graphql-js instead of graphql-jit (default on)'],
  ['NODE_ENV', 'production turns introspection off unless NIANBAO_INTROSPECTION=true'],
  ['NIANBAO_CORS_ORIGINS', 'comma list of origins allowed to call /graphql from a browser, * for any (default none)'],
  ['NIANBAO_RATE_LIMIT', '/graphql requests per minute per client address (default 600; 0 = no limit)'],
  ['NIANBAO_GATEWAY_TOKEN', 'Bearer token of the federation gateway: with introspection off, `_service { sdl }` is served only to it'],
  ['NIANBAO_ASK_RATE_LIMIT', '`ask` questions per minute per client address (default 30; 0 = no limit)'],
  ['LOG_LEVEL', 'serve log level: trace, debug, info, warn, error, fatal (default info)'],
  ['NIANBAO_CJK_FONT', 'font file for chart PNGs (default: found in the usual font folders)'],
  ['NIANBAO_CJK_FONT_FAMILY', 'font family name of NIANBAO_CJK_FONT'],
  ['WECHATY_PUPPET', 'bot: the wechaty puppet to use'],
];

export function envHelp(): string {
  const width = Math.max(...ENV_VARS.map(([n]) => n.length));
  return ['', 'Environment variables:', ...ENV_VARS.map(([n, m]) => `  ${n.padEnd(width)}  ${m}`), ''].join('\n');
}

/** A clear message for an environment value the commands cannot use; undefined when all are usable. */
export function envProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!/^\d+$/.test(env.PORT) || port > 65535) return `PORT must be a whole number 0..65535, got "${env.PORT}"`;
  }
  if (env.DATABASE_URL) return databaseUrlProblem(env.DATABASE_URL);
  if (env.DATABASE_READ_URL) return databaseUrlProblem(env.DATABASE_READ_URL, 'DATABASE_READ_URL');
  return undefined;
}

export function databaseUrlProblem(text: string, name = 'DATABASE_URL'): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${name} is not a URL: expected postgres://user:password@host:5432/database`;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return `${name} is ${url.protocol}//…: only postgres:// or postgresql:// URLs are supported`;
  }
  return undefined;
}
