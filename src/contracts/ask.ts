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
}

/** Answers questions; the server's `ask` field calls it, the application wires the bot engine in. */
export interface AskService {
  ask(question: string, sessionId?: string): Promise<AskAnswer>;
}
