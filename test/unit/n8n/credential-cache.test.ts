/**
 * The Midtrans Trigger's credential cache (n8n-node/nodes/MidtransTrigger/credentialCache.ts): how often
 * it reads the credential, on a clock the test moves. The real-n8n side (rotation through the n8n API,
 * a forged flood, no key in logs) is test/e2e/trigger-credential-cache.e2e.test.ts.
 */
import {
  CredentialCache,
  KEY_TTL_MS,
  MIN_READ_INTERVAL_MS,
  type ReadReason,
} from '../../../n8n-node/nodes/MidtransTrigger/credentialCache';

function setup() {
  let now = 1_000_000;
  let stored = 'key-1';
  const reads: ReadReason[] = [];
  const cache = new CredentialCache<{ key: string }>(() => now);
  const read = async (reason: ReadReason) => {
    reads.push(reason);
    return { key: stored };
  };
  return {
    cache,
    read,
    reads,
    advance: (ms: number) => (now += ms),
    rotate: (key: string) => (stored = key),
  };
}

test('the first request reads the credential; later ones within KEY_TTL_MS use the cached value without reading', async () => {
  const t = setup();
  expect((await t.cache.current('c1', t.read)).key).toBe('key-1');
  t.advance(KEY_TTL_MS - 1);
  expect((await t.cache.current('c1', t.read)).key).toBe('key-1');
  expect(t.reads).toEqual(['first']);
});

test('a value KEY_TTL_MS old is read again, so a rotated key replaces the old one within KEY_TTL_MS', async () => {
  const t = setup();
  await t.cache.current('c1', t.read);
  t.rotate('key-2');
  t.advance(KEY_TTL_MS);
  expect((await t.cache.current('c1', t.read)).key).toBe('key-2');
  expect(t.reads).toEqual(['first', 'expired']);
});

test('a mismatch re-reads once the last read is MIN_READ_INTERVAL_MS old, and not before', async () => {
  const t = setup();
  const stale = await t.cache.current('c1', t.read);
  t.rotate('key-2');
  t.advance(MIN_READ_INTERVAL_MS - 1);
  expect(await t.cache.afterMismatch('c1', stale, t.read)).toBeUndefined();
  t.advance(1);
  expect((await t.cache.afterMismatch('c1', stale, t.read))?.key).toBe('key-2');
  // The new value is what later requests get, without another read.
  expect((await t.cache.current('c1', t.read)).key).toBe('key-2');
  expect(t.reads).toEqual(['first', 'mismatch']);
});

test('a forged flood (a mismatch every 5 ms for 60 s) causes at most one read per MIN_READ_INTERVAL_MS, plus the first', async () => {
  const t = setup();
  const durationMs = 60_000;
  for (let elapsed = 0; elapsed <= durationMs; elapsed += 5) {
    const value = await t.cache.current('c1', t.read);
    await t.cache.afterMismatch('c1', value, t.read);
    t.advance(5);
  }
  expect(t.reads.length).toBeLessThanOrEqual(Math.floor(durationMs / MIN_READ_INTERVAL_MS) + 1);
  // …and reads do happen: a real rotation is still picked up during the flood.
  expect(t.reads.length).toBeGreaterThan(durationMs / KEY_TTL_MS);
});

test('concurrent requests share one read in flight', async () => {
  const t = setup();
  const values = await Promise.all(Array.from({ length: 20 }, () => t.cache.current('c1', t.read)));
  expect(new Set(values).size).toBe(1);
  expect(t.reads).toEqual(['first']);
  t.advance(MIN_READ_INTERVAL_MS);
  const fresh = await Promise.all(Array.from({ length: 20 }, () => t.cache.afterMismatch('c1', values[0], t.read)));
  expect(t.reads).toEqual(['first', 'mismatch']);
  expect(new Set(fresh).size).toBe(1);
});

test('after another request has re-read, a mismatch gets that newer value without reading again', async () => {
  const t = setup();
  const stale = await t.cache.current('c1', t.read);
  t.rotate('key-2');
  t.advance(MIN_READ_INTERVAL_MS);
  const fresh = await t.cache.afterMismatch('c1', stale, t.read);
  t.advance(MIN_READ_INTERVAL_MS);
  // A request that started with the stale value mismatches now: it is handed the value already read.
  expect(await t.cache.afterMismatch('c1', stale, t.read)).toBe(fresh);
  expect(t.reads).toEqual(['first', 'mismatch']);
});

test('a read that fails is not cached: the error reaches the caller and the next request reads again', async () => {
  const t = setup();
  let fail = true;
  const read = async (reason: ReadReason) => {
    t.reads.push(reason);
    if (fail) throw new Error('Credential could not be decrypted');
    return { key: 'key-1' };
  };
  await expect(t.cache.current('c1', read)).rejects.toThrow('Credential could not be decrypted');
  fail = false;
  expect((await t.cache.current('c1', read)).key).toBe('key-1');
  expect(t.reads).toEqual(['first', 'first']);
});

test('credentials are cached apart by id', async () => {
  const t = setup();
  await t.cache.current('c1', t.read);
  t.rotate('key-2');
  expect((await t.cache.current('c2', t.read)).key).toBe('key-2');
  expect((await t.cache.current('c1', t.read)).key).toBe('key-1');
  expect(t.reads).toEqual(['first', 'first']);
});
