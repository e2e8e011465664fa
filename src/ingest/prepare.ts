import { decodeDocument, parseReport, PARSER_VERSION, ReportParseError } from '../parser';
import { segmentWords } from './segment';
import type { ReportHints } from '../parser/types';
import { rejectionReason, type PreparedReport } from './store';

export interface PrepareInput {
  fileName: string;
  sha256: string;
  content: Buffer;
  /** What the caller knows (CLI flags, manifest row, the page it came from): passed to the parser, stored with the source. */
  hints?: ReportHints;
}

/** Marks a reason as "the document exceeded a parser limit" (the API answers DOCUMENT_TOO_COMPLEX). */
export const LIMIT_PREFIX = 'the document is too complex to parse: ';

export type PrepareOutcome = { ok: true; report: PreparedReport } | { ok: false; reason: string };

/**
 * Everything CPU-heavy about one file — decoding, parsing, word segmentation — done where it runs (a worker
 * thread during ingest). Never throws: a file the parser rejects becomes a reason.
 */
export async function prepare(input: PrepareInput): Promise<PrepareOutcome> {
  try {
    const decoded = await decodeDocument({ fileName: input.fileName, content: input.content });
    // Parse the decoded text: decoding (HTML, DOCX, GB18030…) is not done twice.
    const parsed = await parseReport({ fileName: input.fileName, content: decoded.text, hints: input.hints });
    const reason = rejectionReason(parsed);
    if (reason) return { ok: false, reason };
    return {
      ok: true,
      report: {
        fileName: input.fileName,
        sha256: input.sha256,
        encoding: decoded.encoding,
        content: input.content,
        parsed,
        searchWords: parsed.sections.map((s) => segmentWords(s.text)),
        parserVersion: PARSER_VERSION,
        ...(input.hints && Object.keys(input.hints).length ? { hints: input.hints } : {}),
      },
    };
  } catch (e) {
    if (e instanceof ReportParseError) return { ok: false, reason: e.line ? `line ${e.line}: ${e.reason}` : e.reason };
    const message = (e as Error)?.message ?? String(e);
    // 100k nested <div>s overflow the HTML reader's stack: a limit of the document, like the worker's time and heap.
    if (/Maximum call stack size exceeded/.test(message)) return { ok: false, reason: `${LIMIT_PREFIX}it nests too deeply (the parser ran out of stack)` };
    return { ok: false, reason: `the parser failed: ${message}` };
  }
}
