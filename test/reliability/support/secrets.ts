/**
 * A recognisable server key planted in every suite, and a scanner for it. The key's base64 form (what
 * an Authorization header carries) is a leak everywhere except in an Authorization header itself.
 */
export const PLANTED_KEY = 'SB-Mid-server-PLANTEDzQx7RelSecret9Kq';

function base64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Forms that betray the key: the key, its `key:` Basic-auth base64, and its bare base64. */
export function leakForms(key = PLANTED_KEY): string[] {
  // A base64 of "key:" may be cut at any 3-byte boundary in a longer string; the first 24 characters
  // cover 18 bytes, all of them the key's own, so they appear whatever follows.
  return [key, base64(`${key}:`).slice(0, 24), base64(key).slice(0, 24), key.slice(14)];
}

export interface Leak {
  where: string;
  form: string;
  excerpt: string;
}

/** Every place in `haystacks` that contains a leak form. */
export function findLeaks(haystacks: { where: string; text: string }[], key = PLANTED_KEY): Leak[] {
  const out: Leak[] = [];
  for (const h of haystacks) {
    for (const form of leakForms(key)) {
      const i = h.text.indexOf(form);
      if (i >= 0) out.push({ where: h.where, form, excerpt: h.text.slice(Math.max(0, i - 40), i + form.length + 40) });
    }
  }
  return out;
}

/** Everything reachable from a value, as text (errors with message, stack and own fields). */
export function textOfAnything(v: unknown): string {
  const seen = new Set<unknown>();
  const walk = (x: unknown): string => {
    if (x === null || x === undefined) return String(x);
    if (typeof x !== 'object' && typeof x !== 'function') return String(x);
    if (seen.has(x)) return '';
    seen.add(x);
    const parts: string[] = [];
    if (x instanceof Error) parts.push(x.name, x.message, x.stack ?? '');
    for (const k of Object.getOwnPropertyNames(x)) {
      let value: unknown;
      try {
        value = (x as Record<string, unknown>)[k];
      } catch {
        continue;
      }
      parts.push(k, walk(value));
    }
    return parts.join('\n');
  };
  return walk(v);
}
