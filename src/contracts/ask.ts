/** What the bot answers to a question: the graph's `ask` field carries it, the bot engine produces it. */
export interface AskAnswer {
  text: string;
  operation: string | null;
  variables: Record<string, unknown> | null;
  cells: { reportId: string; key: string }[];
  suggestions: string[];
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
