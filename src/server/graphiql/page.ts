import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { EXAMPLE_TABS } from './examples';

/** One encoding of the page, ready to send. */
export interface PageVariant {
  body: Buffer;
  encoding: 'br' | 'gzip' | 'identity';
}

export interface GraphiQLPage {
  etag: string;
  variant(acceptEncoding: string | undefined): PageVariant;
}

/**
 * Monaco boxes every full-width （ and ： of a Chinese result as an "ambiguous character". Its default is switched
 * off in the bundled editor; if a new bundle spells the default differently the page is served unchanged (the
 * tests then fail and say so).
 */
const AMBIGUOUS_DEFAULT = 'invisibleCharacters:!0,ambiguousCharacters:!0,';

function withoutAmbiguousHighlight(html: string): string {
  return html.split(AMBIGUOUS_DEFAULT).join('invisibleCharacters:!0,ambiguousCharacters:!1,');
}

function render(endpoint: string): string {
  // loaded with the first page (its ~9 MB bundle costs every process ~0.4 s; `nianbao ask` never serves a page)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
  const tabs = EXAMPLE_TABS.map((t) => ({ query: t.query, ...(t.variables ? { variables: t.variables } : {}) }));
  return withoutAmbiguousHighlight(renderGraphiQL({ endpoint, title: 'nianbao 年报 GraphQL', defaultQuery: tabs[0].query, defaultTabs: tabs }));
}

/** The preferred encoding the client accepts (q=0 refuses), brotli first: the page is ≈9 MB as it is. */
export function pickEncoding(acceptEncoding: string | undefined): PageVariant['encoding'] {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

const pages = new Map<string, GraphiQLPage>();

/**
 * GraphiQL as one self-contained page (its JS and CSS inlined by @graphql-yoga/render-graphiql): it works on an
 * intranet with no internet access, unlike Apollo Sandbox, which loads from a CDN. Rendered once per endpoint;
 * each compressed form is made on first demand and kept, so a GET flood costs no compression CPU.
 */
export function graphiqlPage(endpoint = '/graphql'): GraphiQLPage {
  const known = pages.get(endpoint);
  if (known) return known;
  const html = Buffer.from(render(endpoint), 'utf8');
  const etag = `"${createHash('sha1').update(html).digest('base64url')}"`;
  const variants = new Map<PageVariant['encoding'], PageVariant>([['identity', { body: html, encoding: 'identity' }]]);
  const make = (encoding: PageVariant['encoding']): PageVariant => {
    const body = encoding === 'br'
      ? brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: html.length } })
      : gzipSync(html, { level: 6 });
    return { body, encoding };
  };
  const page: GraphiQLPage = {
    etag,
    variant(acceptEncoding) {
      const encoding = pickEncoding(acceptEncoding);
      let v = variants.get(encoding);
      if (!v) variants.set(encoding, (v = make(encoding)));
      return v;
    },
  };
  pages.set(endpoint, page);
  return page;
}
