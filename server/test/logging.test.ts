import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startTestWorker } from './support/worker.js';
import { createLogger, logFormat } from '../src/logger.js';
import { createTestApp } from './support/test-app.js';

function capture(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

describe('logs', () => {
  it('are pretty on a terminal and JSON anywhere else, unless LOG_FORMAT says', () => {
    expect(logFormat({ logFormat: 'auto' }, true)).toBe('pretty');
    expect(logFormat({ logFormat: 'auto' }, false)).toBe('json');
    expect(logFormat({ logFormat: 'json' }, true)).toBe('json');
    expect(logFormat({ logFormat: 'pretty' }, false)).toBe('pretty');
  });

  it('write one JSON object per line, or a readable line', () => {
    const json = capture();
    createLogger({ logFormat: 'auto', logLevel: 'info' }, false, json.stream).info(
      { port: 3000 },
      'hello',
    );
    expect(JSON.parse(json.text().trim())).toMatchObject({ msg: 'hello', port: 3000, level: 30 });

    const pretty = capture();
    createLogger({ logFormat: 'auto', logLevel: 'info' }, true, pretty.stream).info(
      { port: 3000 },
      'hello',
    );
    // eslint-disable-next-line no-control-regex
    const line = pretty.text().replace(/\x1b\[[0-9;]*m/g, '');
    expect(() => JSON.parse(line) as unknown).toThrow();
    expect(line).toMatch(/INFO/);
    expect(line).toMatch(/hello/);
    expect(line).toMatch(/port: 3000/);
  });

  it('say nothing about a crontab file when the worker starts', async () => {
    const t = await createTestApp();
    const out = capture();
    const log = pino({ level: 'debug' }, out.stream);
    try {
      const worker = await startTestWorker(t, log);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await worker.stop();
    } finally {
      await t.close();
    }
    const messages = out
      .text()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.some((m) => /Worker connected/i.test(m))).toBe(true);
    expect(messages.filter((m) => /crontab/i.test(m))).toEqual([]);
  });
});
