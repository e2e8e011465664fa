/** A file that could not be ingested, with the reason a user can act on (no stack trace). */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The PostgreSQL error code when the database refused the write (53100: disk full). */
    readonly pgCode?: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IngestError';
  }
}
