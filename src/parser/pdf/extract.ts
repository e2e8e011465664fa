/**
 * PDF bytes → positioned text items per page, by pdf.js in a worker thread (see workerSource.ts for why).
 * One thread is kept while PDFs keep coming (loading pdf.js costs ~0.3 s) and stopped after a short idle time;
 * a job that runs too long or exhausts the thread's memory limit stops the thread and fails alone.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PDF_WORKER_SOURCE } from './workerSource';

export interface RawItem {
  s: string;
  /** Viewport space (points, origin top left, y down): x of the start and y of the baseline. */
  x: number;
  y: number;
  w: number;
  /** Font size in points. */
  h: number;
  /** Direction of the baseline in viewport space (unit vector; upright text: 1, 0). */
  dx: number;
  dy: number;
}

export interface RawPage {
  width: number;
  height: number;
  items: RawItem[];
}

export type ExtractFailureCode = 'password' | 'corrupt' | 'too_many_pages' | 'too_much_text' | 'timeout' | 'memory' | 'crashed';

export type ExtractResult =
  | { ok: true; pages: RawPage[] }
  | { ok: false; code: ExtractFailureCode; pages?: number; message?: string };

export interface ExtractLimits {
  maxPages: number;
  /** Text items over the whole document (an annual report has a few thousand). */
  maxItems: number;
  timeoutMs: number;
  /** V8 old-generation limit of the thread. */
  maxMemoryMb: number;
}

interface Job {
  id: number;
  resolve(r: ExtractResult): void;
  timer: NodeJS.Timeout;
}

const IDLE_MS = 2000;

function pdfjsPaths(): { moduleUrl: string; cMapUrl: string; standardFontDataUrl: string } {
  const main = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.resolve(path.dirname(main), '..', '..');
  // pdf.js reads CMaps and fonts with fs.readFile(prefix + name) in Node: plain paths with a trailing separator.
  return {
    moduleUrl: pathToFileURL(main).href,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}

class PdfThread {
  private worker: Worker | null = null;
  private job: Job | null = null;
  private idle: NodeJS.Timeout | null = null;
  private nextId = 1;
  /** Jobs run one at a time: one document's pages and fonts in memory at once. */
  private queue: Promise<unknown> = Promise.resolve();

  run(data: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
    const result = this.queue.then(() => this.start(data, limits));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private spawn(limits: ExtractLimits): Worker {
    const worker = new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: pdfjsPaths(),
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    });
    worker.on('message', (m: { id: number } & ExtractResult) => this.settle(worker, m.id, m));
    worker.on('error', (e: Error & { code?: string }) => this.fail(worker, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', e.message));
    worker.on('exit', () => this.fail(worker, 'crashed', 'the PDF reader stopped'));
    return worker;
  }

  private start(data: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = (this.worker ??= this.spawn(limits));
    worker.ref();
    const id = this.nextId++;
    return new Promise<ExtractResult>((resolve) => {
      const timer = setTimeout(() => this.fail(worker, 'timeout'), limits.timeoutMs);
      this.job = { id, resolve, timer };
      const copy = new Uint8Array(data); // pdf.js takes ownership of the buffer it is given
      worker.postMessage({ id, data: copy, maxPages: limits.maxPages, maxItems: limits.maxItems }, [copy.buffer]);
    });
  }

  private finish(result: ExtractResult): void {
    const job = this.job;
    if (!job) return;
    this.job = null;
    clearTimeout(job.timer);
    job.resolve(result);
  }

  private settle(worker: Worker, id: number, result: ExtractResult): void {
    if (worker !== this.worker || this.job?.id !== id) return;
    this.finish(result);
    worker.unref();
    this.idle = setTimeout(() => this.stop(worker), IDLE_MS);
    this.idle.unref();
  }

  /** The thread is given up (timeout, memory, crash): the current job fails with the reason, the next starts a new thread. */
  private fail(worker: Worker, code: ExtractFailureCode, message?: string): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.finish({ ok: false, code, message });
    void worker.terminate();
  }

  private stop(worker: Worker): void {
    if (worker !== this.worker || this.job) return;
    this.worker = null;
    void worker.terminate();
  }
}

const thread = new PdfThread();

export function extractPdf(data: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  return thread.run(data, limits);
}
