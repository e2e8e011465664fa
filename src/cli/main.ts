import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest';
import { registerReparse } from './reparse';
import { registerParse } from './parse';
import { registerAsk } from './ask';
import { registerChat } from './chat';
import { registerBot } from './bot';
import { registerServe } from './serve';
import { registerMigrate } from './migrate';
import { envHelp, envProblem } from './env';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** package.json's version: two folders up from src/cli (ts-jest), three from dist/src/cli (the built CLI). */
function packageVersion(): string {
  const file = [path.join(__dirname, '..', '..', 'package.json'), path.join(__dirname, '..', '..', '..', 'package.json')].find(existsSync);
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

/**
 * The `nianbao` command. Each sub-command lives in its own module and registers itself here; an action
 * returns its exit code (0 ok, 1 something failed, 2 usage).
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const _setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command()
    .name('nianbao')
    .description('政府信息公开工作年度报告 → GraphQL graph and WeChat bot')
    .exitOverride()
    .version(packageVersion(), '-V, --version', 'print the version')
    .addHelpText('after', envHelp())
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .hook('preAction', () => {
      const problem = envProblem();
      if (problem) throw new EnvError(problem);
    });
  // sub-commands register here
  registerIngest(program, _setExit);
  registerReparse(program, _setExit);
  registerParse(program, _setExit);
  registerAsk(program, _setExit);
  registerChat(program, _setExit);
  registerBot(program, _setExit);
  registerServe(program, _setExit);
  registerMigrate(program, _setExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof EnvError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}

class EnvError extends Error {}
