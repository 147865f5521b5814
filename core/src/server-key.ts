/**
 * Which Midtrans key a pasted string is, from the prefixes the dashboard gives keys: `SB-` for
 * sandbox, `Mid-server-` / `Mid-client-` for the key's role. The front ends ask; they never decide.
 */
import type { Environment } from './contract';

export interface KeyClass {
  role: 'server' | 'client' | 'unknown';
  /** Undefined when the prefix does not say (a proxy's or a simulator's own key). */
  environment?: Environment;
}

const KEY_PREFIX = /^(SB-)?Mid-(server|client)-/;

export function classifyKey(key: string): KeyClass {
  const m = KEY_PREFIX.exec(key);
  if (!m) return { role: 'unknown', environment: key.startsWith('SB-') ? 'sandbox' : undefined };
  return { role: m[2] as 'server' | 'client', environment: m[1] ? 'sandbox' : 'production' };
}

export type ServerKeyIssue = 'spaces' | 'clientKey' | 'sandboxKeyForProduction' | 'productionKeyForSandbox';

/**
 * Why this key cannot be stored for `environment`, as a code, or undefined. A custom API base URL (a
 * proxy, the simulator) lifts the environment check: its keys need not follow Midtrans's prefixes.
 */
export function serverKeyIssue(key: string, environment: Environment, customBaseUrl: boolean): ServerKeyIssue | undefined {
  if (/\s/.test(key)) return 'spaces';
  const k = classifyKey(key);
  if (k.role === 'client') return 'clientKey';
  if (customBaseUrl) return undefined;
  if (k.environment === 'sandbox' && environment === 'production') return 'sandboxKeyForProduction';
  if (k.role === 'server' && k.environment === 'production' && environment === 'sandbox') return 'productionKeyForSandbox';
  return undefined;
}

const KEY_ISSUE_TEXT: Record<ServerKeyIssue, string> = {
  spaces: 'The server key has spaces in it; copy it again from the Midtrans dashboard.',
  clientKey: 'That is the client key; paste the server key (it starts with "SB-Mid-server-" in sandbox, "Mid-server-" in production).',
  sandboxKeyForProduction: 'This is a sandbox key (it starts with "SB-"); choose the sandbox environment or paste the production key.',
  productionKeyForSandbox: 'This is a production key; choose the production environment or paste the sandbox key.',
};

/** The same, in English. */
export function serverKeyProblem(key: string, environment: Environment, customBaseUrl: boolean): string | undefined {
  const issue = serverKeyIssue(key, environment, customBaseUrl);
  return issue && KEY_ISSUE_TEXT[issue];
}

/** Enough to recognise which key is stored, never enough to use it: the prefix and the last four characters. */
export function maskKey(key: string): string {
  if (!key) return '';
  const prefix = /^(SB-)?Mid-server-/.exec(key)?.[0] ?? '';
  return `${prefix}${'•'.repeat(8)}${key.length > prefix.length + 8 ? key.slice(-4) : ''}`;
}
