/** What the bot answers to a question: the graph's `ask` field carries it, the bot engine produces it. */
export interface AskAnswer {
  text: string;
  operation: string | null;
  variables: Record<string, unknown> | null;
  cells: { reportId: string; key: string }[];
  suggestions: string[];
}

/** Answers questions; the server's `ask` field calls it, the application wires the bot engine in. */
export interface AskService {
  ask(question: string, sessionId?: string): Promise<AskAnswer>;
}
