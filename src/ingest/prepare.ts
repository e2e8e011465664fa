import { decodeDocument, parseReport, PARSER_VERSION, ReportParseError } from '../parser';
import { segmentWords } from './segment';
import { rejectionReason, type PreparedReport } from './store';

export interface PrepareInput {
  fileName: string;
  sha256: string;
  content: Buffer;
}

export type PrepareOutcome = { ok: true; report: PreparedReport } | { ok: false; reason: string };

/**
 * Everything CPU-heavy about one file — decoding, parsing, word segmentation — done where it runs (a worker
 * thread during ingest). Never throws: a file the parser rejects becomes a reason.
 */
export async function prepare(input: PrepareInput): Promise<PrepareOutcome> {
  try {
    const decoded = await decodeDocument({ fileName: input.fileName, content: input.content });
    // Parse the decoded text: decoding (HTML, DOCX, GB18030…) is not done twice.
    const parsed = await parseReport({ fileName: input.fileName, content: decoded.text });
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
      },
    };
  } catch (e) {
    if (e instanceof ReportParseError) return { ok: false, reason: e.line ? `line ${e.line}: ${e.reason}` : e.reason };
    return { ok: false, reason: `the parser failed: ${(e as Error)?.message ?? String(e)}` };
  }
}
