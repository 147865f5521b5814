/**
 * Small checks shared by the request validator and the invoice builder. A problem is a path plus the
 * tail of a sentence ("must be a whole number"), so each caller can name the field its user knows.
 */
export interface Problem {
  path: string;
  tail: string;
}

export type Sink = (path: string, tail: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SHOWN_CHARS = 60;

/**
 * A value as a problem message shows it. Lists and objects are shown as (truncated) JSON, so a field
 * filled by an expression that returned an object says which object, rather than "[object Object]".
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > SHOWN_CHARS ? value.slice(0, SHOWN_CHARS - 3) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  const kind = Array.isArray(value) ? 'a list' : 'an object';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Circular or holding a bigint: the kind alone still says what is wrong.
    json = undefined;
  }
  if (json === undefined) return kind;
  return `${kind} ${json.length > SHOWN_CHARS ? json.slice(0, SHOWN_CHARS - 3) + '...' : json}`;
}

/** A finite number with no decimals; anything else is refused with the value it was. */
export function checkWholeNumber(value: unknown, path: string, sink: Sink, unit = ''): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    sink(path, `must be a whole number${unit}, got ${describe(value)}`);
    return false;
  }
  if (!Number.isInteger(value)) {
    sink(path, `must be a whole number${unit} (no decimals), got ${value}`);
    return false;
  }
  return true;
}

export function checkInteger(value: unknown, path: string, sink: Sink, min: number, max: number, unit = ''): value is number {
  if (!checkWholeNumber(value, path, sink, unit)) return false;
  if (value < min || value > max) {
    sink(path, `must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}, got ${value}`);
    return false;
  }
  return true;
}

export function checkString(
  value: unknown,
  path: string,
  sink: Sink,
  max: number,
  required = false,
  blankAllowed = false,
): value is string {
  if (value === undefined && !required) return false;
  if (typeof value !== 'string') {
    sink(path, required && value === undefined ? 'is required' : `must be text, got ${describe(value)}`);
    return false;
  }
  if (required && !blankAllowed && value.trim() === '') {
    sink(path, 'must not be empty');
    return false;
  }
  // Code points, not UTF-16 units: a limit of 50 characters means 50 of what the user typed.
  const length = Array.from(value).length;
  if (length > max) {
    sink(path, `must be at most ${max} characters, got ${length}`);
    return false;
  }
  return true;
}

export function checkBoolean(value: unknown, path: string, sink: Sink): void {
  if (value !== undefined && typeof value !== 'boolean') sink(path, `must be true or false, got ${describe(value)}`);
}

export function checkOneOf(value: unknown, path: string, sink: Sink, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    sink(path, `must be one of ${allowed.join(', ')}; got ${describe(value)}`);
  }
}

export function checkUrl(value: unknown, path: string, sink: Sink): void {
  if (value === undefined) return;
  // No URL global in the core's environments: a strict-enough absolute http(s) shape check.
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?:\/\/localhost(:\d+)?([/?#][^\s]*)?$/i.test(value)) {
    sink(path, `must be a full web address starting with https:// (or http://), got ${describe(value)}`);
  }
}
