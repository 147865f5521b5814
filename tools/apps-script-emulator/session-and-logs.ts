/// <reference types="google-apps-script" />
/** Session (who runs, in which zone) and Logger/console, captured into the environment's `logs`. */
import { ExecutionMeter } from './execution-meter';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'Logger';
  message: string;
}

/** How Apps Script prints a value in a log line. */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') return `${(v as Error).name}: ${(v as Error).message}`;
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Logger.log(format, ...values) substitutes %s / %d like Java's String.format subset Apps Script uses. */
function formatLoggerArgs(args: unknown[]): string {
  if (args.length <= 1) return show(args[0]);
  const [fmt, ...rest] = args;
  let i = 0;
  return String(fmt).replace(/%[sd]/g, () => (i < rest.length ? show(rest[i++]) : ''));
}

export function createLogging(meter: ExecutionMeter, logs: string[], entries: LogEntry[]) {
  const push = (level: LogEntry['level'], message: string) => {
    logs.push(message);
    entries.push({ level, message });
  };
  const logger = {
    log(...args: unknown[]) {
      meter.record('Logger.log', 'log');
      push('Logger', formatLoggerArgs(args));
      return logger;
    },
    getLog() {
      meter.record('Logger.getLog', 'log');
      return entries
        .filter((e) => e.level === 'Logger')
        .map((e) => e.message)
        .join('\n');
    },
    clear() {
      meter.record('Logger.clear', 'log');
    },
  };
  const consoleLike = Object.fromEntries(
    (['log', 'info', 'warn', 'error'] as const).map((level) => [
      level,
      (...args: unknown[]) => {
        meter.record(`console.${level}`, 'log');
        push(level, args.map(show).join(' '));
      },
    ]),
  );
  return { Logger: logger, console: consoleLike };
}

export interface SessionOptions {
  meter: ExecutionMeter;
  timeZone: () => string;
  /** '' where the address may not be revealed (auth-mode.ts) */
  effectiveUserEmail: () => string;
  /** '' for anonymous web app callers and for consumer accounts without consent (Apps Script's rule) */
  activeUserEmail: () => string;
  /** What Session.getActiveUserLocale answers (`en`, `id`, …). */
  userLocale: () => string;
}

export function createSession(o: SessionOptions) {
  const user = (email: string) => ({ getEmail: () => (o.meter.record('User.getEmail', 'other'), email) });
  return {
    getActiveUser: () => (o.meter.record('Session.getActiveUser', 'other'), user(o.activeUserEmail())),
    getEffectiveUser: () => (o.meter.record('Session.getEffectiveUser', 'other'), user(o.effectiveUserEmail())),
    getScriptTimeZone: () => (o.meter.record('Session.getScriptTimeZone', 'other'), o.timeZone()),
    getActiveUserLocale: () => (o.meter.record('Session.getActiveUserLocale', 'other'), o.userLocale()),
    getTemporaryActiveUserKey: () => (o.meter.record('Session.getTemporaryActiveUserKey', 'other'), 'emulated-temporary-key'),
  };
}
