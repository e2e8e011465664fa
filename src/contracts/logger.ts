/** The one log sink of the project (server, bot, ingest, commands): lines for operators, never sent to clients. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** `nianbao: message` lines on stderr, the commands' default. */
export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`nianbao: ${m}\n`),
  warn: (m) => process.stderr.write(`nianbao: ${m}\n`),
  error: (m) => process.stderr.write(`nianbao: ${m}\n`),
};

/** The same logger without its info lines (warnings and errors still show). */
export function withoutInfo(logger: Logger): Logger {
  return { info: () => {}, warn: (m) => logger.warn(m), error: (m) => logger.error(m) };
}
