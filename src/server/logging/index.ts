import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../contracts';
import { operationLabel, requestOperationName, responseErrorCodes, type RequestOutcome } from '../metrics/labels';

export type PinoBackedLogger = Logger & { pino: Pino };

/** JSON lines with `level` and `time` (pino), at `LOG_LEVEL` (default info), behind the project's Logger. */
export function createPinoLogger(level = process.env.LOG_LEVEL || 'info', destination?: DestinationStream): PinoBackedLogger {
  const p = pino({ level, base: { service: 'nianbao' }, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? process.stderr);
  return { pino: p, info: (m) => p.info(m), warn: (m) => p.warn(m), error: (m) => p.error(m) };
}

export interface RequestLogEntry {
  operation: string;
  durationMs: number;
  status: number;
  errorCodes: string[];
}

/**
 * One line per GraphQL request. Built from the operation name, the status and the error codes only: never headers
 * (the Authorization token) nor variables.
 */
export function requestLogPlugin<C extends object>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          logRequest(logger, {
            operation: requestOperationName(ctx), status: ctx.response.http.status ?? 200,
            errorCodes: responseErrorCodes(ctx.response.body), durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          });
        },
      };
    },
  };
}

/** The request's log line, also for a request answered outside Apollo's pipeline (server/compiledPath.ts). */
export function logRequest(logger: Logger, o: RequestOutcome): void {
  writeRequestLine(logger, { operation: operationLabel(o.operation), durationMs: o.durationMs, status: o.status, errorCodes: o.errorCodes });
}

function writeRequestLine(logger: Logger, entry: RequestLogEntry): void {
  const rounded = { ...entry, durationMs: Math.round(entry.durationMs * 100) / 100 };
  if ('pino' in logger) (logger as PinoBackedLogger).pino.info({ graphql: rounded }, 'graphql request');
  else logger.info(`graphql ${rounded.operation} ${rounded.status} ${rounded.durationMs}ms${rounded.errorCodes.length ? ` ${rounded.errorCodes.join(',')}` : ''}`);
}
