/**
 * Everything environment-specific reaches the core through these ports, so the same code runs in Node
 * (n8n), in Apps Script (synchronous services) and in a bare `vm` context.
 */

/** Lower-case hex SHA-512 of a UTF-8 string. */
export type Sha512Hex = (input: string) => string;

/** `n` bytes from a cryptographically secure source. */
export type RandomBytes = (n: number) => Uint8Array;

/** Milliseconds since the epoch. @public (a port for whoever needs time; none does yet) */
export type Now = () => number;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/** Rejects only for network failures (no HTTP answer); any HTTP status resolves. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** Waits; injected so retries cost nothing in tests. */
export type Sleep = (ms: number) => Promise<void>;
