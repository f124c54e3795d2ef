import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

export type LogFormat = 'json' | 'pretty';

/** Readable lines for a person at a terminal; JSON for anything that collects logs. */
export function logFormat(config: Pick<Config, 'logFormat'>, stdoutIsTty: boolean): LogFormat {
  if (config.logFormat !== 'auto') return config.logFormat;
  return stdoutIsTty ? 'pretty' : 'json';
}

/**
 * The process's one logger, shared by the HTTP server, the worker and start-up. Pretty output
 * is formatted in this thread (no transport worker), so the last lines before an exit are
 * never lost.
 */
export function createLogger(
  config: Pick<Config, 'logFormat' | 'logLevel'>,
  stdoutIsTty = process.stdout.isTTY === true,
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  if (logFormat(config, stdoutIsTty) === 'json') {
    return pino({ level: config.logLevel }, destination);
  }
  return pino(
    { level: config.logLevel },
    pretty({
      colorize: stdoutIsTty,
      destination,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    }),
  );
}
