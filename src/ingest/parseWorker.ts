import { parentPort } from 'node:worker_threads';
import { prepare, type PrepareInput } from './prepare';

/** Worker thread: prepares files sent by the pool and posts the results back (the main thread writes). */
interface Job extends PrepareInput {
  id: number;
}

parentPort?.on('message', (job: Job) => {
  void prepare({ ...job, content: Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength) }).then(
    (outcome) => parentPort?.postMessage({ id: job.id, outcome }),
  );
});
