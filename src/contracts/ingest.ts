/** What happened to one document given to ingest. */
export type IngestOutcome = 'ingested' | 'replaced' | 'unchanged' | 'alternate' | 'refused';

/**
 * Told by ingest about each document it finished: the server counts them for /metrics without ingest importing
 * server code (the observer is handed down through the GraphQL context and the ingest options).
 */
export interface IngestObserver {
  /** `cellsWritten`: cell rows stored for it (0 when unchanged or refused). */
  documentDone(outcome: IngestOutcome, cellsWritten: number): void;
}
