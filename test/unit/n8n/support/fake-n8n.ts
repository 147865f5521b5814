/**
 * Just enough of n8n's execution and webhook contexts to run the nodes as n8n does, typed against
 * n8n-workflow's own interfaces. Parameters fall back to the node description's defaults for the
 * fields the description shows (as n8n does), and the real NodeApiError/NodeOperationError classes
 * come from n8n-workflow itself.
 */
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  IExecuteFunctions,
  INode,
  INodeExecutionData,
  INodeProperties,
  INodeTypeDescription,
  IPairedItemData,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { fakeHttpRequestWithAuthentication, type HttpLog } from './fake-http';

export const SERVER_KEY = 'SB-Mid-server-n8nTestKey0123456789';

export function credentialsFor(baseUrl: string, serverKey = SERVER_KEY): ICredentialDataDecryptedObject {
  return { serverKey, environment: 'sandbox', baseUrl };
}

function isShown(prop: INodeProperties, params: IDataObject): boolean {
  const show = prop.displayOptions?.show;
  if (!show) return true;
  return Object.entries(show).every(([key, allowed]) => (allowed as unknown[]).includes(params[key] ?? defaultOfTop(key)));
}

let currentDescription: INodeTypeDescription | undefined;
function defaultOfTop(name: string): unknown {
  return currentDescription?.properties.find((p) => p.name === name && !p.displayOptions)?.default;
}

function parameterReader(description: INodeTypeDescription, params: IDataObject) {
  return (name: string, fallback?: unknown): unknown => {
    if (params[name] !== undefined) return params[name];
    currentDescription = description;
    const prop = description.properties.find((p) => p.name === name && isShown(p, params));
    if (prop && prop.default !== undefined) return prop.default;
    if (fallback !== undefined) return fallback;
    throw new Error(`Could not get parameter "${name}"`);
  };
}

function nodeOf(description: INodeTypeDescription): INode {
  return {
    id: 'node-1',
    name: String(description.defaults.name),
    type: `n8n-nodes-midtrans.${description.name}`,
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
  };
}

export interface ExecuteOptions {
  description: INodeTypeDescription;
  credentials: ICredentialDataDecryptedObject;
  /** One parameter set per input item. */
  items: IDataObject[];
  continueOnFail?: boolean;
}

export function fakeExecuteFunctions(o: ExecuteOptions): { context: IExecuteFunctions; http: HttpLog } {
  const http: HttpLog = { calls: 0 };
  const node = nodeOf(o.description);
  const fake: Pick<IExecuteFunctions, 'getInputData' | 'getNodeParameter' | 'getNode' | 'continueOnFail' | 'getCredentials'> & {
    helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication' | 'constructExecutionMetaData' | 'returnJsonArray'>;
  } = {
    getInputData: () => o.items.map((_, i) => ({ json: { input: i } })),
    getNodeParameter: ((name: string, i: number, fallback?: unknown) =>
      parameterReader(o.description, o.items[i])(name, fallback)) as IExecuteFunctions['getNodeParameter'],
    getNode: () => node,
    continueOnFail: () => o.continueOnFail === true,
    getCredentials: (async () => o.credentials) as IExecuteFunctions['getCredentials'],
    helpers: {
      httpRequestWithAuthentication: fakeHttpRequestWithAuthentication(
        o.credentials,
        http,
      ) as IExecuteFunctions['helpers']['httpRequestWithAuthentication'],
      returnJsonArray: (json: IDataObject | IDataObject[]) => (Array.isArray(json) ? json : [json]).map((j) => ({ json: j })),
      constructExecutionMetaData: (data: INodeExecutionData[], { itemData }: { itemData: IPairedItemData | IPairedItemData[] }) =>
        data.map((d) => ({ ...d, pairedItem: itemData })),
    },
  };
  return { context: fake as unknown as IExecuteFunctions, http };
}

/** What n8n makes of a webhook() result: the HTTP answer Midtrans sees, and whether a run starts. */
export interface WebhookOutcome {
  status: number;
  responseBody: unknown;
  executed: boolean;
  items: INodeExecutionData[];
  httpCalls: number;
}

export interface WebhookOptions {
  description: INodeTypeDescription;
  credentials: ICredentialDataDecryptedObject;
  params?: IDataObject;
}

export async function deliver(
  webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>,
  o: WebhookOptions,
  request: { body?: IDataObject; rawBody?: string },
): Promise<WebhookOutcome> {
  const http: HttpLog = { calls: 0 };
  const params = o.params ?? {};
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
      return response;
    },
    send(body: unknown) {
      sent.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  const fake: Pick<IWebhookFunctions, 'getBodyData' | 'getNodeParameter' | 'getNode' | 'getCredentials'> & {
    getRequestObject: () => { body: IDataObject; rawBody?: Buffer };
    getResponseObject: () => typeof response;
    helpers: Pick<IWebhookFunctions['helpers'], 'httpRequestWithAuthentication' | 'returnJsonArray'>;
  } = {
    getBodyData: () => request.body ?? {},
    getRequestObject: () => ({
      body: request.body ?? {},
      rawBody: request.rawBody === undefined ? undefined : Buffer.from(request.rawBody),
    }),
    getResponseObject: () => response,
    getNodeParameter: ((name: string, fallback?: unknown) =>
      parameterReader(o.description, params)(name, fallback)) as IWebhookFunctions['getNodeParameter'],
    getNode: () => nodeOf(o.description),
    getCredentials: (async () => o.credentials) as IWebhookFunctions['getCredentials'],
    helpers: {
      httpRequestWithAuthentication: fakeHttpRequestWithAuthentication(
        o.credentials,
        http,
      ) as IWebhookFunctions['helpers']['httpRequestWithAuthentication'],
      returnJsonArray: (json: IDataObject | IDataObject[]) => (Array.isArray(json) ? json : [json]).map((j) => ({ json: j })),
    },
  };
  const result = await webhook.call(fake as unknown as IWebhookFunctions);
  // As n8n 2.40.7's webhook helper does (the e2e trigger test checks the real one): with noWebhookResponse
  // the node has answered itself, and a run still starts when workflowData comes with it. Without it, an
  // onReceived webhook answers 200 with the description's responseData, which defaults to the literal
  // text "firstEntryJson", or {"message":"Webhook call received"} when no run starts.
  const items = result.workflowData?.[0] ?? [];
  const executed = result.workflowData !== undefined;
  if (result.noWebhookResponse) {
    return { status: sent.status ?? 200, responseBody: sent.body, executed, items, httpCalls: http.calls };
  }
  const fallback = executed ? 'firstEntryJson' : { message: 'Webhook call received' };
  return { status: 200, responseBody: result.webhookResponse ?? fallback, executed, items, httpCalls: http.calls };
}
