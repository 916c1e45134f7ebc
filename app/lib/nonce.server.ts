// CSP nonces: 16 random bytes each (128 bits, CSP's minimum), base64.
import crypto from 'node:crypto';

const NONCE_BYTES = 16;
const POOL_NONCES = 256;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A fresh nonce for one response. The bytes are cut from a pool the system's generator fills 256 nonces at a time, as
 * Node's own `randomUUID` does: one `getrandom` call instead of one a response (≈ 1% of a signed-in page's CPU). Each
 * byte is handed out once; the pool holds nothing a reader of the process's memory could not take anyway.
 */
export function newNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = crypto.randomBytes(NONCE_BYTES * POOL_NONCES);
    offset = 0;
  }
  const nonce = pool.toString('base64', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
