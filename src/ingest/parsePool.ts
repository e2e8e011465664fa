import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LIMIT_PREFIX, prepare, type PrepareInput, type PrepareOutcome } from './prepare';

export { LIMIT_PREFIX };

/** Parses files on several cores: a small pool of worker threads; results come back to the caller (who writes). */
export interface ParsePool {
  prepare(input: PrepareInput): Promise<PrepareOutcome>;
  /** Number of worker threads (0: parsing in this thread). */
  readonly size: number;
  close(): Promise<void>;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * `size` workers; 0 parses in this thread. Worker threads need the compiled worker script next to this file
 * (dist/); under ts-jest, where only .ts sources exist, the pool parses in this thread.
 */
export function createParsePool(size = defaultWorkerCount(), limits: ParseLimits = {}): ParsePool {
  const script = workerScript();
  if (size <= 0 || !script) return inlinePool();
  return new WorkerPool(script, size, { ...DEFAULT_LIMITS, ...limits });
}

/** Bounds on one worker: a hostile document (DOCX bomb, deep HTML) stops its worker, not the process. */
export interface ParseLimits {
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  /** Let the process exit with idle workers (a long-lived server's pool, never closed explicitly). */
  unref?: boolean;
}

/** A file whose parsing takes longer than this is given up (the worker is replaced): a hostile file cannot hang ingest. */
export const PARSE_TIMEOUT_MS = 30_000;
/** Honest reports parse in well under 100 MB of heap; a worker over this is stopped (ERR_WORKER_OUT_OF_MEMORY). */
export const PARSE_HEAP_MB = 512;
const DEFAULT_LIMITS: Required<ParseLimits> = { timeoutMs: PARSE_TIMEOUT_MS, maxOldGenerationSizeMb: PARSE_HEAP_MB, unref: false };


/** The compiled worker next to this file, or (under ts-jest, sources only) the build's copy in dist/. */
function workerScript(): string | null {
  for (const s of [path.join(__dirname, 'parseWorker.js'), path.resolve(__dirname, '../../dist/src/ingest/parseWorker.js')]) {
    if (existsSync(s)) return s;
  }
  return null;
}

function inlinePool(): ParsePool {
  return { size: 0, prepare, close: async () => {} };
}

interface Pending {
  resolve(o: PrepareOutcome): void;
  worker: Worker;
  input: PrepareInput;
  timer: NodeJS.Timeout;
}

class WorkerPool implements ParsePool {
  private readonly workers: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  /** Workers stopped because one of their files took too long: their other files are not to blame. */
  private readonly timedOut = new WeakSet<Worker>();

  constructor(
    private readonly script: string,
    readonly size: number,
    private readonly limits: Required<ParseLimits>,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
    });
    this.workers.push(worker);
    this.load.set(worker, 0);
    worker.on('message', (m: { id: number; outcome: PrepareOutcome }) => this.settle(m.id, m.outcome));
    worker.on('error', (e) => this.retire(worker, crashReason(e, this.limits)));
    worker.on('exit', (code) => this.retire(worker, `the parser stopped (exit code ${code})`));
    // After the listeners: adding a 'message' listener refs the worker's port again, and an idle upload worker then
    // kept a stopped server (and Jest) from exiting.
    if (this.limits.unref) worker.unref();
  }

  prepare(input: PrepareInput): Promise<PrepareOutcome> {
    if (this.workers.length === 0) return prepare(input);
    const worker = this.leastLoaded();
    const id = this.nextId++;
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    return new Promise<PrepareOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        resolve({ ok: false, reason: `${LIMIT_PREFIX}parsing took longer than ${this.limits.timeoutMs / 1000} s and was stopped` });
        this.timedOut.add(p.worker);
        // Out of the pool at once: a file sent before its exit event would land on the dying worker.
        this.retire(p.worker, 'the parser was stopped');
        void p.worker.terminate();
      }, this.limits.timeoutMs);
      this.pending.set(id, { resolve, worker, input, timer });
      worker.postMessage({ id, fileName: input.fileName, sha256: input.sha256, content: input.content, hints: input.hints });
    });
  }

  private leastLoaded(): Worker {
    let best = this.workers[0];
    for (const w of this.workers) if ((this.load.get(w) ?? 0) < (this.load.get(best) ?? 0)) best = w;
    return best;
  }

  private settle(id: number, outcome: PrepareOutcome): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    this.load.set(p.worker, (this.load.get(p.worker) ?? 1) - 1);
    // Structured clone turns the Buffer into a Uint8Array: make it a Buffer again for pg.
    if (outcome.ok) {
      const c = outcome.report.content;
      outcome.report.content = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    }
    p.resolve(outcome);
  }

  /** A worker died (crash, timeout): its jobs fail with the reason, and a fresh worker takes its place. */
  private retire(worker: Worker, reason: string): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    this.load.delete(worker);
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      if (this.timedOut.has(worker) && !this.closing) this.queueAgain(p);
      else p.resolve({ ok: false, reason });
    }
    if (!this.closing) this.spawn();
  }

  private queueAgain(p: Pending): void {
    setImmediate(() => void this.prepare(p.input).then(p.resolve));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function crashReason(e: Error, limits: Required<ParseLimits>): string {
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `${LIMIT_PREFIX}it needs more than ${limits.maxOldGenerationSizeMb} MB of memory (a compressed bomb or a runaway structure)`;
  }
  return `the parser crashed: ${e.message}`;
}
