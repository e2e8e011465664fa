/**
 * The extraction entry point: a document (text, HTML, DOCX or PDF bytes) → a ParsedReport.
 * The parser imports nothing from the rest of the project (architecture arrows point here).
 */
import type { ParsedReport, SourceDocument } from './types';
import { decodeDocument } from './decode';
import { parseText } from './report';

/** Bump when extraction output changes, so stored reports can be re-parsed. */
export const PARSER_VERSION = '1.1.0';

/** Parse one document; throws ReportParseError when it is not an annual report at all. */
export async function parseReport(doc: SourceDocument): Promise<ParsedReport> {
  const decoded = await decodeDocument(doc);
  const report = parseText(doc.fileName, decoded.text, doc.hints);
  if (decoded.warnings) report.warnings.push(...decoded.warnings);
  return report;
}

export { decodeDocument };
export { agencyShortNames } from './agency';
export { SHORT_FORM_RULES } from './agencyNames';
export { CROSS_YEAR_KEYS, crossYearChecks, type YearCells } from './checks';
export * from './types';
export * from './catalog';
export { divisionTable, type DivisionRow, type DivisionTable } from './divisions';
