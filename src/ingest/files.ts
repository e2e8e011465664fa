import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { IngestError } from './errors';
import { isManifestName } from '../ingest/manifest';

/**
 * Document types a report can come in. Walking a folder takes only these (and extension-less files), so notes,
 * spreadsheets or expected-value JSON beside the reports are skipped and counted; a PDF or .doc is still taken so
 * the user hears why it cannot be read. A file named explicitly is always taken.
 */
const REPORT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.htm', '.html', '.shtml', '.xhtml', '.docx', '.doc', '.pdf']);

/** The parser's limit (parser/decode.ts; a test keeps the two equal), here so that listing files stays light. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** Folders deep at most, symbolic links to folders included: a crawl mirror is never deeper, a link loop stops here. */
const MAX_DEPTH = 32;

export interface ReportFiles {
  files: string[];
  /** Files inside walked folders that are not report documents by their type. */
  skipped: number;
  /** Crawler manifests (manifest.csv, manifest.jsonl) found in walked folders: they give the hints of their files. */
  manifests: string[];
  /** Symbolic links inside walked folders that were followed (to a file or a folder). */
  links: number;
  /** Entries of walked folders that cannot be documents (a FIFO, a device, a broken or looping link), with why. */
  refused: { file: string; reason: string }[];
}

/** The report files under the given paths: folders recursively (hidden entries skipped), sorted; missing paths throw. */
export async function listReportFiles(paths: string[]): Promise<ReportFiles> {
  const found: ReportFiles = { files: [], skipped: 0, manifests: [], links: 0, refused: [] };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) throw new IngestError(p, 'no such file or folder');
    if (stat.isDirectory()) await walk(p, found, new Set([await fs.realpath(p)]), 0);
    else found.files.push(p);
  }
  return found;
}

async function walk(dir: string, found: ReportFiles, onPath: Set<string>, depth: number): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    let stat: Stats | null = null;
    if (e.isSymbolicLink()) {
      // Followed, not skipped: a crawl often links the same report from several places (issue 13 item 8).
      const target = await fs.stat(full).then((st) => ({ st }), (err: NodeJS.ErrnoException) => ({ err }));
      if ('err' in target) {
        const { code, message } = target.err;
        found.refused.push({ file: full, reason: code === 'ELOOP' ? 'symbolic link loop: not read' : `broken symbolic link (${code ?? message}): not read` });
        continue;
      }
      found.links++;
      stat = target.st;
    }
    const isDir = stat ? stat.isDirectory() : e.isDirectory();
    const isFile = stat ? stat.isFile() : e.isFile();
    if (isDir) await walkLinked(full, found, onPath, depth);
    else if (!isFile) found.refused.push({ file: full, reason: `${notRegular(stat ?? (await fs.lstat(full)))}: not read` });
    else if (isManifestName(e.name)) found.manifests.push(full);
    else if (REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) found.files.push(full);
    else found.skipped++;
  }
}

/** A sub-folder (maybe through a link): a folder already on the way down is a loop and is not entered again. */
async function walkLinked(dir: string, found: ReportFiles, onPath: Set<string>, depth: number): Promise<void> {
  const real = await fs.realpath(dir);
  if (onPath.has(real) || depth >= MAX_DEPTH) {
    found.refused.push({ file: dir, reason: onPath.has(real) ? 'folder link loop (a folder that contains itself): not walked again' : `more than ${MAX_DEPTH} folders deep: not walked` });
    return;
  }
  onPath.add(real);
  try {
    await walk(dir, found, onPath, depth + 1);
  } finally {
    onPath.delete(real);
  }
}

/** What a non-regular file is, in words. */
export function notRegular(stat: Stats): string {
  const kind = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isCharacterDevice() ? 'a character device' : stat.isBlockDevice() ? 'a block device'
    : stat.isSocket() ? 'a socket' : stat.isDirectory() ? 'a folder' : 'not a regular file';
  return `${kind}, not a regular file`;
}

/**
 * The bytes of one document, checked before reading (issue 13 item 8): stat first (a link to /dev/zero, a FIFO, a
 * 1 GB sparse file are refused without reading a byte), then opened non-blocking (a FIFO swapped in meanwhile does not
 * hang) and checked again on the open file, and never more than the limit read.
 */
export async function readDocument(file: string): Promise<Buffer> {
  refuse(file, await fs.stat(file));
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    refuse(file, stat);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_DOCUMENT_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_DOCUMENT_BYTES) throw new IngestError(file, tooLarge(length));
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function refuse(file: string, stat: Stats): void {
  if (!stat.isFile()) throw new IngestError(file, `${notRegular(stat)}: not read`);
  if (stat.size > MAX_DOCUMENT_BYTES) throw new IngestError(file, tooLarge(stat.size));
}

function tooLarge(bytes: number): string {
  return `${bytes} bytes is more than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: not read`;
}
