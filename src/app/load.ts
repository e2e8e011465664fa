// The application loaded when a command runs, not when the `nianbao` command starts: `nianbao parse` (pure parsing)
// then never loads TypeORM, pg, Apollo or Wechaty. Typed as the modules they are.
/* eslint-disable @typescript-eslint/no-require-imports */

export const loadApp = (): typeof import('./index') => require('./index') as typeof import('./index');
export const loadIngest = (): typeof import('../ingest/index') => require('../ingest/index') as typeof import('../ingest/index');
export const loadEntries = (): typeof import('../ingest/entries') => require('../ingest/entries') as typeof import('../ingest/entries');
export const loadPrestart = (): typeof import('./prestart') => require('./prestart') as typeof import('./prestart');
export const loadReparse = (): typeof import('../ingest/reparse') => require('../ingest/reparse') as typeof import('../ingest/reparse');

/** The prefix the bot answers to in groups, for the option's default (the bot module itself is light). */
export { DEFAULT_PREFIX } from '../bot/wechaty';
