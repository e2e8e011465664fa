import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { ChartFontError } from './types';

export interface CjkFont {
  file: string;
  /** The family resvg should use for sans-serif text ('' = the file's first face). */
  family: string;
}

/** Known CJK fonts, best first, by file name (Debian / Ubuntu / Fedora / Alpine package names). */
const KNOWN: readonly { pattern: RegExp; family: string }[] = [
  { pattern: /^NotoSansCJK(sc)?-Regular\.(ttc|otf)$/i, family: 'Noto Sans CJK SC' },
  { pattern: /^NotoSansSC-Regular\.(otf|ttf)$/i, family: 'Noto Sans SC' },
  { pattern: /^SourceHanSans(SC|CN)?-Regular\.(ttc|otf)$/i, family: 'Source Han Sans SC' },
  { pattern: /^wqy-microhei\.ttc$/i, family: 'WenQuanYi Micro Hei' },
  { pattern: /^wqy-zenhei\.ttc$/i, family: 'WenQuanYi Zen Hei' },
  { pattern: /^DroidSansFallback(Full)?\.ttf$/i, family: 'Droid Sans Fallback' },
  { pattern: /^NotoSerifCJK(sc)?-Regular\.(ttc|otf)$/i, family: 'Noto Serif CJK SC' },
];

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts')];
const MAX_DEPTH = 5;

function listFonts(dir: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH || !existsSync(dir)) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // an unreadable folder holds no font we can use
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) listFonts(path, depth + 1, out);
      else out.push(path);
    } catch {
      // a dangling link
    }
  }
}

function scanDirs(dirs: readonly string[]): CjkFont | undefined {
  const files: string[] = [];
  for (const dir of dirs) listFonts(dir, 0, files);
  for (const known of KNOWN) {
    const file = files.find((f) => known.pattern.test(basename(f)));
    if (file) return { file, family: known.family };
  }
  return undefined;
}

/** fontconfig knows fonts we have no name for; it answers with a non-CJK font when there is none, so check its lang. */
function askFontconfig(): CjkFont | undefined {
  try {
    const out = execFileSync('fc-list', [':lang=zh-cn', '--format', '%{file}\t%{family[0]}\n'], { encoding: 'utf8', timeout: 5000 });
    const [file, family] = out.split('\n').filter(Boolean).sort()[0]?.split('\t') ?? [];
    return file && existsSync(file) ? { file, family: family ?? '' } : undefined;
  } catch {
    return undefined; // no fontconfig on this machine
  }
}

let cached: CjkFont | undefined;

export interface FontSearch {
  env?: NodeJS.ProcessEnv;
  dirs?: readonly string[];
  /** Ask fontconfig when the folders hold no known CJK font (default true). */
  fontconfig?: boolean;
}

/** The CJK font for PNG rendering: $NIANBAO_CJK_FONT, then the usual font folders, then fontconfig. */
export function findCjkFont(search: FontSearch = {}): CjkFont {
  const { env = process.env, dirs = FONT_DIRS, fontconfig = true } = search;
  const override = env.NIANBAO_CJK_FONT;
  if (override) {
    if (!existsSync(override)) throw new ChartFontError(`NIANBAO_CJK_FONT names ${override}, which does not exist`);
    return { file: override, family: env.NIANBAO_CJK_FONT_FAMILY ?? '' };
  }
  const found = scanDirs(dirs) ?? (fontconfig ? askFontconfig() : undefined);
  if (!found) {
    throw new ChartFontError(`no CJK font found in ${dirs.join(', ')}${fontconfig ? ' nor by fontconfig' : ''}: install fonts-noto-cjk or set NIANBAO_CJK_FONT`);
  }
  return found;
}

/** findCjkFont() once per process (a scan of the font folders takes a few milliseconds; rendering should not). */
export function cjkFont(): CjkFont {
  cached ??= findCjkFont();
  return cached;
}
