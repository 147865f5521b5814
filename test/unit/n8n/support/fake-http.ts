/**
 * n8n's `httpRequestWithAuthentication` as the nodes use it, over real `fetch`: the credential's own
 * `authenticate` block is applied (so a wrong block fails the tests), and `ignoreHttpStatusErrors`
 * (boolean or `{ ignore, except }`), `returnFullResponse` and `encoding: 'text'` behave as in n8n-core's
 * request helper: a non-ignored status >= 400 throws an error carrying `response.status`.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { MidtransApi } from '../../../../n8n-node/credentials/MidtransApi.credentials';

/** Resolves an n8n expression string (`={{ … }}`) whose code is plain JavaScript over `$credentials`. */
export function resolveExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  const text = value.slice(1);
  const whole = /^\{\{([\s\S]*)\}\}$/.exec(text.trim());
  const run = (code: string) => new Function('$credentials', `return (${code});`)(credentials) as unknown;
  if (whole) return run(whole[1]);
  return text.replace(/\{\{([\s\S]*?)\}\}/g, (_, code: string) => String(run(code)));
}

export class HttpStatusError extends Error {
  constructor(readonly response: { status: number; body: string }) {
    super(`Request failed with status code ${response.status}`);
  }
}

export interface HttpLog {
  calls: number;
}

export function fakeHttpRequestWithAuthentication(credentials: ICredentialDataDecryptedObject, log: HttpLog) {
  const credentialType = new MidtransApi();
  return async function httpRequestWithAuthentication(credentialsType: string, options: IHttpRequestOptions): Promise<unknown> {
    if (credentialsType !== credentialType.name) throw new Error(`unknown credential type ${credentialsType}`);
    log.calls++;
    const auth = credentialType.authenticate.properties.auth as { username: string; password: string };
    const user = String(resolveExpression(auth.username, credentials));
    const password = String(resolveExpression(auth.password, credentials));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = String(v);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const base = options.baseURL ? String(options.baseURL).replace(/\/+$/, '') : '';
    const url = base ? `${base}/${options.url.replace(/^\/+/, '')}` : options.url;
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: typeof options.body === 'string' ? options.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const ignore = options.ignoreHttpStatusErrors;
    const ignored = ignore === true || (typeof ignore === 'object' && ignore !== null && !ignore.except.includes(response.status));
    if (response.status >= 400 && !ignored) throw new HttpStatusError({ status: response.status, body: text });
    let body: unknown = text;
    if (options.encoding !== 'text' && options.json !== false) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!options.returnFullResponse) return body;
    const full: IN8nHttpFullResponse = {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: body as IN8nHttpFullResponse['body'],
    };
    return full;
  };
}
