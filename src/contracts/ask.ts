/**
 * A chart to draw next to an answer (issue 17): the data of a `ChartSpec` of src/charts, restated here because
 * contracts import nothing (src/bot/chart.ts checks at compile time that it stays assignable to ChartSpec).
 */
export interface AskChart {
  kind: 'ranking' | 'trend' | 'comparison' | 'regions';
  /** Metric, scope and year, e.g. 「丰城市各乡镇2020年政府集中采购·采购总金额」. */
  title: string;
  subtitle?: string;
  unit: '元' | '件' | '项';
  series: { label: string; value: number | null }[];
  /** How many annual reports the values come from. */
  sourceCount: number;
  topN?: number;
}

/** What the bot answers to a question: the graph's `ask` field carries it, the bot engine produces it. */

/**
 * How the question ended, for callers to act on without reading the Chinese text: a number or text from a report
 * (`answered`), a numbered question back (`asked_back`), no report or cell for what was asked (`no_data`), a question
 * the bot will not answer as asked (`refused`: not understood, an impossible year, too long), or the graph/database
 * not reachable (`unavailable`).
 */
export type AskStatus = 'answered' | 'asked_back' | 'no_data' | 'refused' | 'unavailable';

export const ASK_STATUSES: readonly AskStatus[] = ['answered', 'asked_back', 'no_data', 'refused', 'unavailable'];

export interface AskAnswer {
  text: string;
  status: AskStatus;
  operation: string | null;
  variables: Record<string, unknown> | null;
  cells: { reportId: string; key: string }[];
  suggestions: string[];
  /** Rankings, per-agency lists, comparisons and year series: the same numbers as a chart (the text stays complete). */
  chart?: AskChart;
  /** The session to send the follow-up with (issued by the server; a new one when the one sent was not live). */
  sessionId?: string;
}

/**
 * Answers questions; the server's `ask` field calls it, the application wires the bot engine in. Session ids are the
 * service's to issue: an id it did not issue (or that expired) starts a new conversation under a new id.
 */
export interface AskService {
  ask(question: string, sessionId?: string | null): Promise<AskAnswer & { sessionId: string }>;
}
