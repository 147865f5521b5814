/**
 * Runs a built Apps Script bundle (dist/Code.js) in a vm context that has only the emulated Apps Script
 * globals and ECMAScript's own builtins: no require, process, Buffer, setTimeout or fetch. Returns the
 * top-level functions it declared (what Apps Script can call: menu items, triggers, doPost…).
 *
 * Two adjustments keep the script's view faithful: its Date follows the emulated clock (so a script that
 * budgets its time with Date.now() sees the modelled time pass), and `instanceof` Date/Array/Error works on
 * values the emulator creates (they come from Node's realm, as Java objects do from outside V8 in Apps Script).
 */
import fs from 'fs';
import vm from 'vm';
import type { AppsScriptEnvironment } from './create-apps-script';

const PRELUDE = `(function (now) {
  var RealDate = Date;
  var tag = function (x) { return Object.prototype.toString.call(x); };
  function EmulatedDate() {
    if (!new.target) return new RealDate(now()).toString();
    if (arguments.length === 0) return new RealDate(now());
    return new (Function.prototype.bind.apply(RealDate, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  EmulatedDate.prototype = RealDate.prototype;
  EmulatedDate.now = function () { return now(); };
  EmulatedDate.UTC = RealDate.UTC;
  EmulatedDate.parse = RealDate.parse;
  Object.defineProperty(EmulatedDate, Symbol.hasInstance, { value: function (x) { return tag(x) === '[object Date]'; } });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
  Date = EmulatedDate;
  Object.defineProperty(Array, Symbol.hasInstance, { value: function (x) { return Array.isArray(x); } });
  Object.defineProperty(Error, Symbol.hasInstance, { value: function (x) { return tag(x) === '[object Error]'; } });
  [TypeError, RangeError, SyntaxError, ReferenceError].forEach(function (E) {
    var name = E.prototype.name;
    Object.defineProperty(E, Symbol.hasInstance, { value: function (x) { return tag(x) === '[object Error]' && x.name === name; } });
  });
})`;

/** Runs bundle source text; see loadBundle. */
export function loadBundleSource(
  code: string,
  env: AppsScriptEnvironment,
  filename = 'Code.js',
): Record<string, (...args: unknown[]) => unknown> {
  const sandbox: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env.globals)) sandbox[k] = v;
  const context = vm.createContext(sandbox, { name: `apps-script:${filename}` });
  const before = new Set(Object.getOwnPropertyNames(sandbox));
  vm.runInContext(PRELUDE, context)(() => env.now());
  env.scriptContext = context;
  // Top-level code runs in every execution, an add-on's onOpen in AuthMode.NONE included.
  env.atModuleScope(() => vm.runInContext(code, context, { filename }));
  const entries: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of Object.getOwnPropertyNames(sandbox)) {
    if (before.has(name) || name === 'Date') continue;
    const v = sandbox[name];
    if (typeof v === 'function') entries[name] = v as (...args: unknown[]) => unknown;
  }
  return entries;
}

export function loadBundle(codeJsPath: string, env: AppsScriptEnvironment): Record<string, (...args: unknown[]) => unknown> {
  return loadBundleSource(fs.readFileSync(codeJsPath, 'utf8'), env, codeJsPath.split(/[\\/]/).pop());
}

/** The event object Apps Script passes to doPost (web app guide): JSON body, optional query string. */
export function postEvent(body: string, query: Record<string, string> = {}, contentType = 'application/json') {
  const queryString = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    queryString,
    parameter: { ...query },
    parameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathInfo: undefined,
    contextPath: '',
    contentLength: Buffer.byteLength(body),
    postData: { length: Buffer.byteLength(body), type: contentType, contents: body, name: 'postData' },
  };
}
