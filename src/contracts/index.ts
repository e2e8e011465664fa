// The contracts shared across layers (logger, ask service and answer, error codes, the ingest observer): they import nothing of the project.
export * from './ask';
export * from './errors';
export * from './logger';
export * from './ingest';
