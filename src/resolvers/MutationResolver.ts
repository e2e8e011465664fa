import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { IngestError, deleteReport, ingestBuffer } from '../ingest';
import type { Report } from '../entities';
import { reportsByIds } from '../db/queries';
import { IngestEncoding, IngestReportInput, ReportType } from '../schema/types';
import { checkHints, HintError } from '../ingest/hints';
import type { ReportHints } from '../parser/types';
import { LIMIT_PREFIX } from '../ingest/parsePool';
import { ErrorCode } from '../contracts/errors';
import { GraphQLError } from 'graphql';
import { requireAdmin } from './auth';
import type { NianbaoContext } from './context';
import { badInput, isUuid } from './errors';

/** PostgreSQL disk_full; STORAGE_FULL is what the client is told instead (no file path of the server). */
const PG_DISK_FULL = '53100';
const STORAGE_FULL = 'the database has no space left to store this report; nothing was stored, try again later';

/** Error classes that are the database server's state, not the document's: 53 insufficient resources, 08 connection, 57 operator intervention. */
function isServerSide(pgCode: string): boolean {
  return /^(53|08|57)/.test(pgCode);
}

/** Larger files are ingested with `nianbao ingest`, not through the API. */
export const MAX_INGEST_BYTES = 10 * 1024 * 1024;

@ObjectType('IngestResult')
export class IngestResult {
  @Field({ description: 'ingested (new), replaced (a new file for the same agency and year), unchanged (same bytes) or alternate (another capture of a stored report that reads fewer cells: kept as history, the stored version stays current).' })
  status!: string;

  @Field(() => ReportType, { nullable: true })
  report!: Report | null;
}

@Resolver()
export class MutationResolver {
  @Mutation(() => IngestResult, { description: 'Parse and store one report file (needs the API token).' })
  async ingestReport(@Arg('input', () => IngestReportInput) input: IngestReportInput, @Ctx() ctx: NianbaoContext): Promise<IngestResult> {
    requireAdmin(ctx);
    const content = decodeContent(input);
    const hints = hintsOf(input);
    const result = await ingestBuffer(ctx.dataSource, { fileName: input.fileName, content, hints }, ctx.ingestObserver).catch((e: unknown) => {
      // A file that cannot be a report: the reason (file, line, what was expected) is for the client; nothing is stored.
      if (!(e instanceof IngestError)) throw e;
      if (e.pgCode && isServerSide(e.pgCode)) {
        // Not the file's fault: the operator reads PostgreSQL's words in the log, the client a code it can act on.
        ctx.logger.error(`ingestReport ${JSON.stringify(input.fileName)}: ${e.reason}`);
        throw e.pgCode === PG_DISK_FULL
          ? new GraphQLError(STORAGE_FULL, { extensions: { code: ErrorCode.STORAGE_FULL, http: { status: 503 } } })
          : e;
      }
      if (e.reason.startsWith(LIMIT_PREFIX)) throw new GraphQLError(e.message, { extensions: { code: ErrorCode.DOCUMENT_TOO_COMPLEX, http: { status: 400 } } });
      throw badInput(e.message);
    });
    const report = result.reportId ? ((await reportsByIds(ctx.dataSource, [result.reportId]))[0] ?? null) : null;
    ctx.logger.info(`ingestReport ${JSON.stringify(input.fileName)}: ${result.status} (${content.length} bytes)`);
    return { status: result.status, report };
  }

  @Mutation(() => Boolean, { description: 'Delete a report with its sections, cells, checks and the stored sources of its agency and year (needs the API token). False when absent.' })
  async deleteReport(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext): Promise<boolean> {
    requireAdmin(ctx);
    const deleted = isUuid(id) && (await deleteReport(ctx.dataSource, id));
    ctx.logger.info(`deleteReport ${id}: ${deleted ? 'deleted' : 'absent'}`);
    return deleted;
  }
}

/** The optional hints, checked: a bad one is a 400 naming the field, what was expected and what was given. */
function hintsOf(input: IngestReportInput): ReportHints | undefined {
  if (!input.hints) return undefined;
  try {
    const hints = checkHints(input.hints);
    return Object.keys(hints).length ? hints : undefined;
  } catch (e) {
    if (e instanceof HintError) throw badInput(`hints.${e.message}`, { field: `hints.${e.field}` });
    throw e;
  }
}

function decodeContent(input: IngestReportInput): Buffer {
  if (!input.fileName.trim() || input.fileName.length > 500) throw badInput('fileName must be 1 to 500 characters');
  let content: Buffer;
  if (input.encoding === IngestEncoding.BASE64) {
    const compact = input.content.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) throw badInput('content is not valid base64 (encoding: BASE64)');
    content = Buffer.from(compact, 'base64');
  } else {
    content = Buffer.from(input.content, 'utf8');
  }
  if (content.length === 0) throw badInput(`${input.fileName}: the file is empty`);
  if (content.length > MAX_INGEST_BYTES) {
    throw badInput(`${input.fileName}: ${content.length} bytes is more than the API accepts (${MAX_INGEST_BYTES}); use \`nianbao ingest\``);
  }
  return content;
}
