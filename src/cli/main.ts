import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest';
import { registerReparse } from './reparse';
import { registerParse } from './parse';
import { registerAsk } from './ask';
import { registerChat } from './chat';
import { registerBot } from './bot';
import { registerServe } from './serve';

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
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // sub-commands register here
  registerIngest(program, _setExit);
  registerReparse(program, _setExit);
  registerParse(program, _setExit);
  registerAsk(program, _setExit);
  registerChat(program, _setExit);
  registerBot(program, _setExit);
  registerServe(program, _setExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}
