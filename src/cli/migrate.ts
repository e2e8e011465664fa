import type { Command } from 'commander';
import type { MigrationControl, MigrationState } from '../app';
import { loadApp } from '../app/load';
import { oneLine } from './ingest';

const ACTIONS = ['up', 'down', 'status'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * `nianbao migrate [up|down|status]`. Default `up`, what the verb says (serve and ingest also apply pending
 * migrations when they start; this applies them alone, e.g. before a rolling deploy). `down` reverts the last one.
 */
export function registerMigrate(program: Command, setExit: (code: number) => void): void {
  program
    .command('migrate')
    .description('database migrations: up applies the pending ones (default), down reverts the last one, status lists them')
    .argument('[action]', 'up | down | status', 'up')
    .action(async (action: string) => {
      if (!(ACTIONS as readonly string[]).includes(action)) {
        process.stderr.write(`nianbao migrate: unknown action "${action}" (up, down or status)\n`);
        return setExit(2);
      }
      setExit(await runMigrate(action as Action));
    });
}

async function runMigrate(action: Action): Promise<number> {
  let control: (MigrationControl & { where: string }) | null = null;
  try {
    control = await loadApp().openMigrationControl();
    process.stdout.write(`${await perform(control, action)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`nianbao migrate ${action}: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    await control?.close();
  }
}

async function perform(control: MigrationControl & { where: string }, action: Action): Promise<string> {
  if (action === 'status') return statusLines(control.where, await control.status());
  if (action === 'up') {
    const applied = await control.up();
    return applied.length ? applied.map((name) => `applied  ${name}`).join('\n') : 'no pending migration';
  }
  const reverted = await control.down();
  return reverted ? `reverted ${reverted}` : 'no applied migration to revert';
}

export function statusLines(where: string, states: MigrationState[]): string {
  const applied = states.filter((s) => s.applied).length;
  return [
    `database ${where}`,
    ...states.map((s) => `${s.applied ? 'applied ' : 'pending '} ${s.name}`),
    `${applied} applied, ${states.length - applied} pending`,
  ].join('\n');
}
