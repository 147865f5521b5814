/// <reference types="google-apps-script" />
/**
 * Utilities: digests and HMACs as SIGNED bytes (−128..127, Java bytes) like the real service, base64 of
 * strings and byte arrays, UUIDs (seedable for reproducible runs), sleep on the emulated clock, and
 * formatDate with Java SimpleDateFormat patterns.
 */
import { createHash, createHmac, randomUUID } from 'crypto';
import { fromScriptBytes, toSignedBytes } from './bytes';
import { formatJavaPattern } from './date-format';
import { ExecutionMeter } from './execution-meter';
import { mulberry32 } from '../../test/support/mulberry32';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_HMAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};
export const MAX_SLEEP_MS = 300000;

function bytesOf(value: unknown, charset: unknown, method: string): Buffer {
  if (typeof value === 'string') return Buffer.from(value, String(charset ?? 'UTF_8') === 'US_ASCII' ? 'latin1' : 'utf8');
  return fromScriptBytes(value, method);
}

/** Seeded UUID bytes, so a seeded run's ids replay exactly. */
function seededBytes(seed: number): () => number {
  const next = mulberry32(seed);
  return () => (next() * 4294967296) & 0xff;
}

function uuidFrom(next: () => number): string {
  const b = Array.from({ length: 16 }, next);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type UtilityMethods =
  | 'computeDigest'
  | 'computeHmacSignature'
  | 'computeHmacSha256Signature'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'getUuid'
  | 'sleep'
  | 'formatDate'
  | 'newBlob';

export function createUtilities(
  meter: ExecutionMeter,
  seed?: number,
): Pick<GoogleAppsScript.Utilities.Utilities, UtilityMethods> & Record<string, unknown> {
  const call = (m: string) => meter.record(`Utilities.${m}`, 'other');
  const nextByte = seed === undefined ? null : seededBytes(seed);

  const blob = (data: Buffer, contentType: string | null, name: string | null) => {
    let type = contentType;
    let fileName = name;
    const b = {
      getBytes: () => (meter.record('Blob.getBytes', 'other'), toSignedBytes(data)),
      getDataAsString: (charset?: string) => (
        meter.record('Blob.getDataAsString', 'other'),
        data.toString(charset === 'US_ASCII' ? 'latin1' : 'utf8')
      ),
      getContentType: () => (meter.record('Blob.getContentType', 'other'), type),
      setContentType: (t: string) => (meter.record('Blob.setContentType', 'other'), (type = t), b),
      getName: () => (meter.record('Blob.getName', 'other'), fileName),
      setName: (n: string) => (meter.record('Blob.setName', 'other'), (fileName = n), b),
    };
    return b;
  };

  const u = {
    DigestAlgorithm,
    Charset,
    MacAlgorithm,
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      call('computeDigest');
      const alg = NODE_DIGEST[String(algorithm)];
      if (!alg) throw new Error(`Invalid argument: algorithm`);
      return toSignedBytes(
        createHash(alg)
          .update(bytesOf(value, charset, 'Utilities.computeDigest'))
          .digest(),
      );
    },
    computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
      call('computeHmacSignature');
      const alg = NODE_HMAC[String(algorithm)];
      if (!alg) throw new Error(`Invalid argument: algorithm`);
      const k = bytesOf(key, charset, 'Utilities.computeHmacSignature');
      return toSignedBytes(
        createHmac(alg, k)
          .update(bytesOf(value, charset, 'Utilities.computeHmacSignature'))
          .digest(),
      );
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      call('computeHmacSha256Signature');
      const k = bytesOf(key, charset, 'Utilities.computeHmacSha256Signature');
      return toSignedBytes(
        createHmac('sha256', k)
          .update(bytesOf(value, charset, 'Utilities.computeHmacSha256Signature'))
          .digest(),
      );
    },
    base64Encode(data: unknown, charset?: unknown): string {
      call('base64Encode');
      return bytesOf(data, charset, 'Utilities.base64Encode').toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      call('base64EncodeWebSafe');
      // Apps Script keeps the '=' padding in its web-safe variant.
      return bytesOf(data, charset, 'Utilities.base64EncodeWebSafe').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      call('base64Decode');
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, '')))
        throw new Error('Could not decode string.');
      return toSignedBytes(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      call('base64DecodeWebSafe');
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(encoded.replace(/\s/g, '')))
        throw new Error('Could not decode string.');
      return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    },
    getUuid(): string {
      call('getUuid');
      return nextByte ? uuidFrom(nextByte) : randomUUID();
    },
    sleep(milliseconds: number): void {
      call('sleep');
      if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS)
        throw new Error('Invalid argument: milliseconds');
      meter.spend(milliseconds);
    },
    formatDate(date: Date, timeZone: string, format: string): string {
      call('formatDate');
      if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime()))
        throw new Error('Invalid argument: date');
      return formatJavaPattern(date.getTime(), timeZone, format);
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      call('newBlob');
      return blob(bytesOf(data, 'UTF_8', 'Utilities.newBlob'), contentType ?? null, name ?? null);
    },
  };
  return u as unknown as Pick<GoogleAppsScript.Utilities.Utilities, UtilityMethods> & Record<string, unknown>;
}
