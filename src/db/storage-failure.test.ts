import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storageFailureOf } from './storage-failure.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test("storage failures are told apart from the request's own errors, on both engines", () => {
  assert.equal(storageFailureOf(withCode('SQLITE_FULL')), 'full');
  assert.equal(storageFailureOf(withCode('53100')), 'full');
  assert.equal(storageFailureOf(withCode('SQLITE_READONLY')), 'read_only');
  assert.equal(storageFailureOf(withCode('SQLITE_READONLY_DBMOVED')), 'read_only');
  assert.equal(storageFailureOf(withCode('25006')), 'read_only');
  assert.equal(storageFailureOf(withCode('57P01')), 'unavailable');
  assert.equal(storageFailureOf(withCode('08006')), 'unavailable');
  assert.equal(storageFailureOf(withCode('SQLITE_IOERR_FSYNC')), 'unavailable');
  assert.equal(storageFailureOf(new Error('Connection terminated unexpectedly')), 'unavailable');
  // A constraint, a deadlock, a bug: not the storage.
  assert.equal(storageFailureOf(withCode('SQLITE_CONSTRAINT_UNIQUE')), undefined);
  assert.equal(storageFailureOf(withCode('23505')), undefined);
  assert.equal(storageFailureOf(withCode('40P01')), undefined);
  assert.equal(storageFailureOf(new TypeError('x is undefined')), undefined);
  assert.equal(storageFailureOf('SQLITE_FULL'), undefined);
});
