import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import Fastify from 'fastify';
import { requestLogger } from './request-logger.js';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _e, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { lines, stream };
};

test("a request logger is made on first use at an enabled level, with its bindings and the parent's redaction", () => {
  const { lines, stream } = capture();
  const parent = pino({ level: 'warn', redact: { paths: ['secret'], censor: '***' } }, stream);
  // Counts the first child made, then gets out of the way (children find pino's own child() again).
  let made = 0;
  parent.child = function (this: pino.Logger, b: pino.Bindings, o?: pino.ChildLoggerOptions) {
    made++;
    delete (parent as { child?: unknown }).child;
    return parent.child(b, o);
  } as unknown as typeof parent.child;
  const log = requestLogger(parent, { reqId: 'r-1' }, {});
  log.info('not at this level');
  log.debug({ x: 1 }, 'nor this');
  assert.equal(made, 0, 'nothing logged, nothing made');
  assert.equal(log.level, 'warn');
  log.warn({ secret: 'pw' }, 'careful');
  log.error('broken');
  assert.equal(made, 1, 'made once');
  assert.deepEqual(
    lines.map((l) => [l.msg, l.reqId, l.secret]),
    [
      ['careful', 'r-1', '***'],
      ['broken', 'r-1', undefined],
    ],
  );
  const sub = log.child({ step: 'two' });
  sub.warn('deeper');
  assert.equal(lines.at(-1)!.reqId, 'r-1');
  assert.equal(lines.at(-1)!.step, 'two');
});

test('in Fastify: request lines carry the request id; a route with its own level gets its child at once', async () => {
  const { lines, stream } = capture();
  const app = Fastify({
    loggerInstance: pino({ level: 'info' }, stream),
    childLoggerFactory: requestLogger,
    genReqId: () => 'req-42',
  });
  app.get('/quiet', { logLevel: 'error' }, async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  await app.inject('/quiet');
  assert.equal(lines.length, 0, "the route's own level (error) holds");
  await app.inject('/fails');
  assert.ok(lines.some((l) => l.reqId === 'req-42' && l.msg === 'incoming request'));
  assert.ok(
    lines.some((l) => l.reqId === 'req-42' && l.level === 50),
    'the error is logged with the request id',
  );
  await app.close();
});
