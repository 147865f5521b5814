/**
 * The price list of the emulated Apps Script execution, in one place. Real Apps Script cannot run here, so
 * every service call is priced with these constants and the 6-minute limit is enforced on the sum.
 * Each constant says where it comes from; anything not measured by someone is marked ESTIMATE.
 *
 * Sources
 * [bp]        Google, "Best practices" (https://developers.google.com/apps-script/guides/support/best-practices):
 *             minimise service calls, batch reads and writes; reads flush the write-back cache.
 * [blog2010]  Google Apps Script blog, "Optimizing Spreadsheet Operations" (2010): look-ahead read caching,
 *             write-back caching, interleaving reads and writes defeats both.
 * [so-scriptdb] Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?" (400 rows x 10 columns):
 *             one setValues of 4,000 cells < 50 ms; adding one flush() -> 610 ms; 400 row-by-row setValues
 *             164 ms; the same with flush() after each row ~12 s; cell-by-cell ~two orders of magnitude
 *             slower than one setValues.
 * [pre-practice] pre-practice.net (2020), "UrlFetchApp.fetchAll": 3 sequential fetches to the Google Books
 *             API took 1.769 s, fetchAll of the same 3 took 0.929 s (from Google's own data centres).
 * [tanaike-fetchall] K. Tanaike, "Benchmark: fetchAll method in UrlFetch service for Google Apps Script" (2018-04-19,
 *             https://tanaikech.github.io/2018/04/19/benchmark-fetchall-method-in-urlfetch-service-for-google-apps-script/):
 *             fetchAll runs its requests concurrently (5 web apps each sleeping 5 s: a loop of fetch 27.0 s, one
 *             fetchAll 5.5 s, the servers hit in shuffled order); responses come back in request order. Marginal
 *             cost per extra request ~25 ms, at most 100 ms.
 * [poehnelt]  J. Poehnelt, "UrlFetchApp: The Unofficial Documentation" (https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp):
 *             10 × httpbin /delay/1 took ~10 s as a loop of fetch and ~1.2 s as one fetchAll, i.e. at most
 *             ~22 ms per extra request; target APIs answered 429 at 30 concurrent requests.
 * [runall]    K. Tanaike, RunAll (https://github.com/tanaikech/RunAll) README: fetchAll calling workers that sleep
 *             1 s stays flat up to ~30 workers (marginal cost ~0).
 * [quotas]    Google, Apps Script quotas: 6 min per execution; URL Fetch has no documented timeout.
 */

export const COST = {
  /** 6 min per execution [quotas]. */
  MAX_EXECUTION_MS: 6 * 60 * 1000,

  // ---- Spreadsheet service --------------------------------------------------------------------
  /** Per cell read or written by a value call: 4,000 cells in one setValues < 50 ms [so-scriptdb] → 0.0125. */
  SHEETS_PER_CELL_MS: 50 / 4000,
  /**
   * Fixed cost of a write call (setValues, setValue, setNumberFormat…) absorbed by the write-back cache.
   * Cell-by-cell writing of 4,000 cells was ~100x one setValues (50 ms) [so-scriptdb] → ~5 s / 4,000 calls.
   */
  SHEETS_WRITE_CALL_MS: 5000 / 4000,
  /**
   * Fixed cost of a read call that needs the backend (getValues, getLastRow, TextFinder.findAll…).
   * ESTIMATE: no published per-read measurement was found; set to about a third of a flush round trip.
   * Look-ahead caching of neighbouring reads [blog2010] is NOT modelled (so per-cell read loops are, if
   * anything, slightly over-priced).
   */
  SHEETS_READ_CALL_MS: 10,
  /**
   * Calls that need no cell data (getRange building a Range, getName, getRow, getNumRows, getSheetByName…).
   * ESTIMATE: cheap client-side calls, priced like a cached write call.
   */
  SHEETS_LOCAL_CALL_MS: 5000 / 4000,
  /**
   * Committing the write-back cache (flush(), or a read after pending writes [bp][blog2010]) = fixed +
   * per pending cell. Fitted to [so-scriptdb]: 400 flushes of 10 cells ≈ 12 s → 30 ms each; one flush of
   * 4,000 cells ≈ 560 ms. Solving 30 = a + 10b, 560 = a + 4000b gives b ≈ 0.133 ms, a ≈ 28.7 ms.
   */
  SHEETS_FLUSH_PER_CELL_MS: (560 - 30) / (4000 - 10),
  SHEETS_FLUSH_FIXED_MS: 30 - 10 * ((560 - 30) / (4000 - 10)),

  // ---- UrlFetchApp to Midtrans (api.midtrans.com / api.sandbox.midtrans.com, Jakarta) -----------
  /**
   * UrlFetch's own overhead per request, including a nearby Google API's processing: 1.769 s / 3
   * sequential fetches ≈ 590 ms [pre-practice] (one published measurement).
   */
  URLFETCH_SERVICE_MS: 1769 / 3,
  /**
   * Round-trip time from a Google data centre in the US to Jakarta. ESTIMATE from public ping tables
   * (US west coast–Jakarta ≈ 180 ms, US east coast–Jakarta ≈ 260 ms); Apps Script's region is not published.
   */
  US_JAKARTA_RTT_MS: 230,
  /**
   * Network round trips per HTTPS request: TCP handshake, TLS handshake, request/response. ESTIMATE:
   * whether UrlFetch reuses connections between executions or calls is undocumented; assume it does not.
   */
  HTTPS_ROUND_TRIPS_PER_REQUEST: 3,
  /** Midtrans server-side processing of a Payment Link create/get. ESTIMATE: not published. */
  MIDTRANS_PROCESSING_MS: 300,
  /**
   * Time spent on a request that times out. ESTIMATE: UrlFetch's deadline is undocumented; ~60 s is the
   * figure users commonly report.
   */
  URLFETCH_TIMEOUT_MS: 60_000,

  // ---- Other services (ESTIMATES: no published per-call measurements found) ---------------------
  PROPERTIES_CALL_MS: 10,
  CACHE_CALL_MS: 5,
  LOCK_CALL_MS: 10,
  /** MailApp.sendEmail: a call to Gmail's sending service inside Google. ESTIMATE: not published. */
  MAIL_SEND_MS: 300,
  /** Utilities, ContentService, HtmlService, ScriptApp, Session, getUi calls: in-process work. */
  OTHER_CALL_MS: 1,
  /** Logger.log / console.*: buffered by the runtime. */
  LOG_CALL_MS: 0,
} as const;

/** One network round trip to Midtrans through UrlFetchApp.fetch. */
export function fetchRoundTripMs(): number {
  return COST.URLFETCH_SERVICE_MS + COST.HTTPS_ROUND_TRIPS_PER_REQUEST * COST.US_JAKARTA_RTT_MS + COST.MIDTRANS_PROCESSING_MS;
}

/** A constant of the fetchAll model with where it comes from (printed by the benchmark). */
export interface SourcedConstant {
  value: number;
  source: string;
}

/**
 * fetchAll of k requests ≈ one round trip + c·(k−1) + a tail for the slowest of the k answers
 * [tanaike-fetchall][poehnelt][runall]. The tail: if each answer's Midtrans processing time varies by an
 * exponential jitter of mean σ, the slowest of k is late by σ·H(k) on average (H the harmonic number);
 * the single round trip already holds one answer's σ, so the tail is σ·(H(k) − 1): zero for k = 1, and
 * only ~6.5 σ at k = 1,000. The exponential shape is [inferred]; no source publishes Midtrans' spread.
 */
export interface FetchAllModel {
  name: FetchAllModelName;
  /** c: added time per request beyond the first. */
  perExtraRequestMs: SourcedConstant;
  /** σ: mean jitter of one Midtrans answer, the scale of the slowest-of-k tail. */
  answerJitterMs: SourcedConstant;
}

export type FetchAllModelName = 'central' | 'optimistic' | 'pessimistic';

export const FETCHALL_MODELS: Record<FetchAllModelName, FetchAllModel> = {
  central: {
    name: 'central',
    perExtraRequestMs: { value: 25, source: '[tanaike-fetchall] ~25 ms per extra request; [poehnelt] ≤ 22 ms agrees' },
    answerJitterMs: {
      value: 50,
      source:
        "ESTIMATE: Midtrans publishes no spread; 50 ms keeps 10 requests within [poehnelt]'s ~200 ms over one round trip (9 × 25 + 50 × 1.93 ≈ 321 ms, the same order)",
    },
  },
  optimistic: {
    name: 'optimistic',
    perExtraRequestMs: { value: 5, source: 'low end of the plausible 5–100 ms; [runall] saw fetchAll flat (~0 ms) up to ~30 workers' },
    answerJitterMs: { value: 20, source: "ESTIMATE: a tight spread, as [runall]'s flat timings suggest" },
  },
  pessimistic: {
    name: 'pessimistic',
    perExtraRequestMs: { value: 100, source: '[tanaike-fetchall] upper bound of 100 ms per extra request' },
    answerJitterMs: { value: 150, source: 'ESTIMATE: three times the central spread (a busy Midtrans answering slowly and unevenly)' },
  },
};

/** H(k) − 1 = 1/2 + 1/3 + … + 1/k. */
function harmonicTail(k: number): number {
  let h = 0;
  for (let i = 2; i <= k; i++) h += 1 / i;
  return h;
}

/** The slowest-of-k tail alone (ms). */
export function fetchAllTailMs(requests: number, model: FetchAllModel = FETCHALL_MODELS.central): number {
  return model.answerJitterMs.value * harmonicTail(requests);
}

/** fetchAll of k requests under `model` (docs/performance.md "Sheets: bulk generation"). */
export function fetchAllMs(requests: number, model: FetchAllModel = FETCHALL_MODELS.central): number {
  if (requests === 0) return 0;
  return fetchRoundTripMs() + model.perExtraRequestMs.value * (requests - 1) + fetchAllTailMs(requests, model);
}

export function flushMs(pendingCells: number): number {
  return pendingCells > 0 ? COST.SHEETS_FLUSH_FIXED_MS + pendingCells * COST.SHEETS_FLUSH_PER_CELL_MS : 0;
}

export type CallKind =
  'sheet-read' | 'sheet-write' | 'sheet-local' | 'sheet-flush' | 'fetch' | 'properties' | 'cache' | 'lock' | 'log' | 'mail' | 'other';

/** What a call did, as far as pricing is concerned. */
export interface CallDetail {
  cells?: number;
  /** write-back cache size before this call (for reads and flushes) */
  pendingCells?: number;
  /** fetch: number of requests in the call (fetch = 1; fetchAll = k); timedOut: one of them timed out */
  requests?: number;
  timedOut?: boolean;
}

/** Price of one call in modelled milliseconds (`model`: the fetchAll constants, default central). */
export function priceCall(kind: CallKind, d: CallDetail = {}, model: FetchAllModel = FETCHALL_MODELS.central): number {
  const cells = d.cells ?? 0;
  switch (kind) {
    case 'sheet-read':
      return COST.SHEETS_READ_CALL_MS + cells * COST.SHEETS_PER_CELL_MS + flushMs(d.pendingCells ?? 0);
    case 'sheet-write':
      return COST.SHEETS_WRITE_CALL_MS + cells * COST.SHEETS_PER_CELL_MS;
    case 'sheet-local':
      return COST.SHEETS_LOCAL_CALL_MS;
    case 'sheet-flush':
      return d.pendingCells ? flushMs(d.pendingCells) : COST.SHEETS_LOCAL_CALL_MS;
    case 'fetch': {
      const k = d.requests ?? 1;
      if (d.timedOut) return COST.URLFETCH_TIMEOUT_MS;
      return k === 1 ? fetchRoundTripMs() : fetchAllMs(k, model);
    }
    case 'properties':
      return COST.PROPERTIES_CALL_MS;
    case 'cache':
      return COST.CACHE_CALL_MS;
    case 'lock':
      return COST.LOCK_CALL_MS;
    case 'log':
      return COST.LOG_CALL_MS;
    case 'mail':
      return COST.MAIL_SEND_MS;
    case 'other':
      return COST.OTHER_CALL_MS;
  }
}

/** The model as printable lines, for benchmark output. */
export function describeCostModel(model: FetchAllModel = FETCHALL_MODELS.central): string[] {
  return [
    `sheet read call ${COST.SHEETS_READ_CALL_MS} ms (estimate) + ${COST.SHEETS_PER_CELL_MS} ms/cell`,
    `sheet write call ${COST.SHEETS_WRITE_CALL_MS} ms + ${COST.SHEETS_PER_CELL_MS} ms/cell (write-back cache)`,
    `flush ${COST.SHEETS_FLUSH_FIXED_MS.toFixed(1)} ms + ${COST.SHEETS_FLUSH_PER_CELL_MS.toFixed(3)} ms/pending cell (also charged to a read after writes)`,
    `fetch round trip ${fetchRoundTripMs().toFixed(0)} ms (UrlFetch ${COST.URLFETCH_SERVICE_MS.toFixed(0)} + ${COST.HTTPS_ROUND_TRIPS_PER_REQUEST}×${COST.US_JAKARTA_RTT_MS} RTT US–Jakarta (estimate) + Midtrans ${COST.MIDTRANS_PROCESSING_MS} (estimate))`,
    `fetchAll of k (${model.name} set): round trip + ${model.perExtraRequestMs.value} ms × (k−1) + ${model.answerJitterMs.value} ms × (H(k)−1) slowest-of-k tail ` +
      `(k = 25: ${fetchAllMs(25, model).toFixed(0)} ms; k = 100: ${fetchAllMs(100, model).toFixed(0)} ms; k = 1,000: ${fetchAllMs(1000, model).toFixed(0)} ms)`,
    `  c = ${model.perExtraRequestMs.value} ms: ${model.perExtraRequestMs.source}`,
    `  σ = ${model.answerJitterMs.value} ms: ${model.answerJitterMs.source}`,
    `timeout ${COST.URLFETCH_TIMEOUT_MS} ms (estimate); execution limit ${COST.MAX_EXECUTION_MS} ms`,
  ];
}
