import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { compileAllSchemas, LazyCompilers } from './lazy-compilers.js';

let t: TestContext | undefined;
after(() => t?.close());

test("every route's request and response schemas compile (what start no longer compiles)", async () => {
  t = await createTestContext();
  const first = compileAllSchemas(t.app);
  // Every route's validators and serializers: hundreds; all of them compile without an error.
  assert.ok(first > 300, `compiled ${first} schemas`);
  assert.equal(compileAllSchemas(t.app), 0, 'each is compiled once');
  // Compiled ahead or at first use, the routes answer as before.
  const res = await t.app.inject('/api/v1/departments');
  assert.equal(res.statusCode, 200);
});

test('a deferred validator compiles at its first call, once, and hands on its errors', () => {
  const lazy = new LazyCompilers();
  let compiled = 0;
  const check = lazy.defer(() => {
    compiled++;
    const f = ((data: unknown) => {
      f.errors = data === 1 ? null : [{ message: 'must be 1' }];
      return data === 1;
    }) as ((data: unknown) => boolean) & { errors?: unknown };
    return f;
  });
  assert.equal(compiled, 0, 'nothing compiled before the first call');
  assert.equal(check(2), false);
  assert.deepEqual(check.errors, [{ message: 'must be 1' }]);
  assert.equal(check(1), true);
  assert.equal(check.errors, null);
  assert.equal(compiled, 1);
  assert.equal(lazy.compileAll(), 0, 'nothing left to compile');
});

test('a deferred serializer is Fastify’s: it sends only what the schema names', () => {
  const lazy = new LazyCompilers();
  const compile = lazy.serializerFactory()({}, {});
  const schema = { type: 'object', properties: { a: { type: 'string' }, n: { type: 'integer' } } };
  const send = compile({ schema, method: 'GET', url: '/x', httpStatus: '200' });
  assert.equal(lazy.compileAll(), 1);
  assert.equal(send({ a: 'x', n: 2, password: 'secret' }), '{"a":"x","n":2}');
});
