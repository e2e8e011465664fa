// The read side of the database: typed functions over one executor, built with the sql tag. The resolvers, the
// server's health check and the bench call these; no SQL is written anywhere else outside db/ and ingest/.
export * from './agencies';
export * from './aggregate';
export * from './cells';
export * from './crossYear';
export * from './reports';
export * from './reportBundle';
export * from './sections';
export * from './sources';
export { readerOf, readersOf, type EntityReader, type Projection, type SectionRow, type SourceSummary } from './readers';
export { executorOf, inReadScope, readOwnWrites, type Executor } from './executor';
export { sql, Sql } from './sql';
export * from './sessions';
export * from './vocabulary';
export * from './health';
