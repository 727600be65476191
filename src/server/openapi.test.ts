import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '@readme/openapi-parser';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

const document = async () => (await t.app.inject('/api/v1/openapi.json')).json();

test('the OpenAPI document the server publishes passes an OpenAPI validator', async () => {
  const result = await validate(await document());
  const problems = result.valid ? [] : result.errors.map((e) => e.message);
  assert.deepEqual(problems, [], 'the published document is valid OpenAPI 3.1');
});

test("a case action's 409 documents the allowed actions its body carries", async () => {
  const doc = await document();
  const conflict = doc.paths['/api/v1/cases/{id}/accept'].post.responses['409'];
  const ref: string = conflict.content['application/json'].schema.$ref;
  assert.equal(ref, '#/components/schemas/Problem');
  assert.equal(doc.components.schemas.Problem.properties.allowedActions.type, 'array');
  const parameters = doc.paths['/api/v1/cases/{id}/accept'].post.parameters.map(
    (p: { name: string }) => p.name,
  );
  assert.deepEqual(parameters, ['id'], 'no parameter the path does not have');
});
