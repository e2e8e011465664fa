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
export interface AskAnswer {
  text: string;
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
