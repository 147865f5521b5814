/**
 * The two doors into a running n8n that the harness uses:
 * - the internal REST API (`/rest/*`, cookie auth) only for what has no public endpoint: owner setup,
 *   login, creating an API key, checking that our node types loaded;
 * - the public API (`/api/v1/*`, `X-N8N-API-KEY`) for everything a user's tooling would do:
 *   credentials, workflows, publish/unpublish, executions.
 */
import { expectOk, request } from './http';

export interface Owner {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** n8n's auth cookie is bound to a `browser-id` header (2.x auth.service validateBrowserId). */
const BROWSER_ID = 'midtrans-pl-e2e-harness';

export class N8nRestSession {
  private cookie = '';
  constructor(readonly baseUrl: string) {}

  private headers(): Record<string, string> {
    return { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) };
  }

  private keepCookie(setCookie: string | null): void {
    const match = setCookie?.match(/n8n-auth=[^;]+/);
    if (match) this.cookie = match[0];
  }

  async isOwnerSetUp(): Promise<boolean> {
    const settings = await expectOk<{ data: { userManagement?: { showSetupOnFirstLoad?: boolean } } }>(
      'GET /rest/settings',
      request(`${this.baseUrl}/rest/settings`, { headers: this.headers() }),
    );
    return settings.data.userManagement?.showSetupOnFirstLoad === false;
  }

  async setupOwner(owner: Owner): Promise<void> {
    const r = await request(`${this.baseUrl}/rest/owner/setup`, { headers: this.headers(), body: owner });
    if (r.status !== 200) throw new Error(`POST /rest/owner/setup: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    this.keepCookie(r.headers.get('set-cookie'));
  }

  async login(owner: Owner): Promise<void> {
    const r = await request(`${this.baseUrl}/rest/login`, {
      headers: this.headers(),
      body: { emailOrLdapLoginId: owner.email, password: owner.password },
    });
    if (r.status !== 200) throw new Error(`POST /rest/login: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    this.keepCookie(r.headers.get('set-cookie'));
  }

  /** An API key with every scope the owner may grant (the list comes from n8n itself). */
  async createApiKey(label: string): Promise<string> {
    const scopes = await expectOk<{ data: string[] }>(
      'GET /rest/api-keys/scopes',
      request(`${this.baseUrl}/rest/api-keys/scopes`, { headers: this.headers() }),
    );
    const created = await expectOk<{ data: { rawApiKey: string } }>(
      'POST /rest/api-keys',
      request(`${this.baseUrl}/rest/api-keys`, { headers: this.headers(), body: { label, scopes: scopes.data, expiresAt: null } }),
    );
    return created.data.rawApiKey;
  }

  /** The node type's description as the editor gets it, or null when n8n does not know the type. */
  async nodeDescription(
    name: string,
    version: number,
  ): Promise<{ name: string; webhooks?: { path: string; httpMethod: string }[]; [k: string]: unknown } | null> {
    const r = await request<{ data: Array<{ name: string; webhooks?: { path: string; httpMethod: string }[] }> }>(
      `${this.baseUrl}/rest/node-types`,
      {
        headers: this.headers(),
        body: { nodeInfos: [{ name, version }] },
      },
    );
    // The answer names the type without its package prefix (`midtrans`, not `n8n-nodes-midtrans.midtrans`).
    if (r.status !== 200 || !Array.isArray(r.json?.data)) return null;
    return r.json.data.find((d) => d.name === name || name.endsWith(`.${d.name}`)) ?? null;
  }

  /** The credential's Test button (`POST /rest/credentials/test`), with `data` as typed in the form. */
  async testCredential(credential: {
    id: string;
    name: string;
    type: string;
    data: Record<string, unknown>;
  }): Promise<{ status: string; message: string }> {
    const r = await expectOk<{ data: { status: string; message: string } }>(
      'POST /rest/credentials/test',
      request(`${this.baseUrl}/rest/credentials/test`, { headers: this.headers(), body: { credentials: credential } }),
    );
    return r.data;
  }

  /** Whether n8n knows node type `name` (`POST /rest/node-types` fails with "Unrecognized node type" otherwise). */
  async hasNodeType(name: string, version: number): Promise<boolean> {
    return (await this.nodeDescription(name, version)) !== null;
  }
}

export interface WorkflowJson {
  id?: string;
  name: string;
  nodes: Array<{
    id?: string;
    name: string;
    type: string;
    typeVersion: number;
    position: [number, number];
    parameters: Record<string, unknown>;
    credentials?: Record<string, { id: string; name: string }>;
    webhookId?: string;
    [k: string]: unknown;
  }>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface Execution {
  id: string;
  workflowId: string;
  status: string;
  mode: string;
  finished: boolean;
  startedAt: string;
  stoppedAt: string | null;
  data?: {
    resultData: {
      runData: Record<
        string,
        Array<{
          data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
          error?: { message: string; description?: string };
        }>
      >;
      error?: { message: string; description?: string; node?: { name: string } };
      lastNodeExecuted?: string;
    };
  };
}

export class N8nPublicApi {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return expectOk<T>(
      `${method} /api/v1${path}`,
      request<T>(`${this.baseUrl}/api/v1${path}`, { method, headers: { 'X-N8N-API-KEY': this.apiKey }, body }),
    );
  }

  createCredential(c: { name: string; type: string; data: Record<string, unknown> }): Promise<{ id: string; name: string }> {
    return this.call('POST', '/credentials', c);
  }

  /** POST /workflows accepts only name, nodes, connections, settings (and a few more); the rest of an export is dropped. */
  createWorkflow(wf: WorkflowJson): Promise<WorkflowJson & { id: string }> {
    const { name, nodes, connections } = wf;
    return this.call('POST', '/workflows', { name, nodes, connections, settings: wf.settings ?? { executionOrder: 'v1' } });
  }

  /** n8n 2.x publishes; n8n 1.x (MIDTRANS_PL_N8N_VERSION=1.…) has only /activate, which 2.x dropped. */
  publish(id: string): Promise<WorkflowJson> {
    return this.orOneX(this.call('POST', `/workflows/${id}/publish`, {}), () => this.call('POST', `/workflows/${id}/activate`));
  }

  unpublish(id: string): Promise<WorkflowJson> {
    return this.orOneX(this.call('POST', `/workflows/${id}/unpublish`), () => this.call('POST', `/workflows/${id}/deactivate`));
  }

  private async orOneX<T>(first: Promise<T>, oneX: () => Promise<T>): Promise<T> {
    try {
      return await first;
    } catch (e) {
      if (e instanceof Error && / HTTP (404|405) /.test(e.message)) return oneX();
      throw e;
    }
  }

  getWorkflow(id: string): Promise<WorkflowJson & { id: string; active: boolean }> {
    return this.call('GET', `/workflows/${id}`);
  }

  async executions(workflowId: string, opts: { includeData?: boolean } = {}): Promise<Execution[]> {
    const all: Execution[] = [];
    let cursor: string | undefined;
    do {
      const qs = new URLSearchParams({ workflowId, limit: '250', includeData: String(!!opts.includeData) });
      if (cursor) qs.set('cursor', cursor);
      const page = await this.call<{ data: Execution[]; nextCursor: string | null }>('GET', `/executions?${qs}`);
      all.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  execution(id: string): Promise<Execution> {
    return this.call('GET', `/executions/${id}?includeData=true`);
  }
}
