/**
 * Deterministic randomness. Each concern (ids, faults, jitter) draws from its own stream, so turning a
 * fault on does not change the ids a test sees.
 */
import { mulberry32 } from '../../test/support/mulberry32';

/** One stream per concern; see test/support/mulberry32.ts. */
export const streamFrom = mulberry32;

export interface RandomStreams {
  ids: () => number;
  faults: () => number;
  jitter: () => number;
}

export function randomStreams(seed: number): RandomStreams {
  return {
    ids: streamFrom(seed ^ 0x1d5),
    faults: streamFrom(seed ^ 0xfa017),
    jitter: streamFrom(seed ^ 0x7177e2),
  };
}

export function bytesFrom(next: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256) & 255;
  return out;
}

/** RFC 4122 version-4 layout, as Midtrans's transaction ids look. */
export function uuidFrom(next: () => number): string {
  const b = bytesFrom(next, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function digitsFrom(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(next() * 10);
  return s;
}
