/// <reference types="google-apps-script" />
/**
 * ScriptApp: installable triggers (time-based and spreadsheet), the web app URL, installation source.
 * Limits: 20 triggers per user per script [quotas]; add-ons may not run time triggers more often than
 * hourly [installable]. The texts of the refusals are INFERRED.
 */
import { ExecutionMeter } from './execution-meter';

export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  /** one-shot after(ms) or recurring every(ms) */
  afterMs?: number;
  everyMs?: number;
  createdAt: number;
  /** emulated time at which a clock trigger is next due */
  dueAt?: number;
}

export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_TRIGGER_FREQUENCY = 'Add-ons may not create time-based triggers that run more frequently than once per hour.';

export interface ScriptAppOptions {
  meter: ExecutionMeter;
  triggers: TriggerRecord[];
  webAppUrl: string;
  scriptId: string;
  addOn: boolean;
  installationSource: 'NONE' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | 'WEB_STORE_ADD_ON';
}

export function createScriptApp(o: ScriptAppOptions) {
  const { meter } = o;
  let nextId = 1;
  const triggerObject = (t: TriggerRecord) => ({
    __record: t,
    getUniqueId: () => (meter.record('Trigger.getUniqueId', 'other'), t.id),
    getHandlerFunction: () => (meter.record('Trigger.getHandlerFunction', 'other'), t.handlerFunction),
    getEventType: () => (meter.record('Trigger.getEventType', 'other'), t.eventType),
    getTriggerSource: () => (meter.record('Trigger.getTriggerSource', 'other'), t.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS'),
  });
  const create = (t: Omit<TriggerRecord, 'id' | 'createdAt'>) => {
    meter.record(t.eventType === 'CLOCK' ? 'ClockTriggerBuilder.create' : 'SpreadsheetTriggerBuilder.create', 'other');
    if (o.triggers.length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS);
    const period = t.afterMs ?? t.everyMs;
    if (o.addOn && t.eventType === 'CLOCK' && period !== undefined && period < 3600000) throw new Error(ADDON_TRIGGER_FREQUENCY);
    const now = meter.now();
    const rec: TriggerRecord = { ...t, id: `trigger-${nextId++}`, createdAt: now, dueAt: period !== undefined ? now + period : undefined };
    o.triggers.push(rec);
    return triggerObject(rec);
  };

  const clockBuilder = (handlerFunction: string) => {
    const spec: { afterMs?: number; everyMs?: number } = {};
    const b = {
      after(durationMilliseconds: number) {
        meter.record('ClockTriggerBuilder.after', 'other');
        if (!(durationMilliseconds >= 0)) throw new Error('Invalid argument: durationMilliseconds');
        spec.afterMs = durationMilliseconds;
        return b;
      },
      everyMinutes(n: number) {
        meter.record('ClockTriggerBuilder.everyMinutes', 'other');
        if (![1, 5, 10, 15, 30].includes(n)) throw new Error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
        spec.everyMs = n * 60000;
        return b;
      },
      everyHours(n: number) {
        meter.record('ClockTriggerBuilder.everyHours', 'other');
        if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
        spec.everyMs = n * 3600000;
        return b;
      },
      everyDays(n: number) {
        meter.record('ClockTriggerBuilder.everyDays', 'other');
        spec.everyMs = n * 86400000;
        return b;
      },
      atHour(_hour: number) {
        meter.record('ClockTriggerBuilder.atHour', 'other');
        return b;
      },
      nearMinute(_minute: number) {
        meter.record('ClockTriggerBuilder.nearMinute', 'other');
        return b;
      },
      inTimezone(_tz: string) {
        meter.record('ClockTriggerBuilder.inTimezone', 'other');
        return b;
      },
      create() {
        if (spec.afterMs === undefined && spec.everyMs === undefined) {
          meter.record('ClockTriggerBuilder.create', 'other');
          throw new Error('Trigger needs a schedule: call after(), everyMinutes(), everyHours() or everyDays() first.');
        }
        return create({ handlerFunction, eventType: 'CLOCK', ...spec });
      },
    };
    return b;
  };

  const spreadsheetBuilder = (handlerFunction: string) => {
    let eventType: TriggerRecord['eventType'] | null = null;
    const b = {
      onOpen: () => (meter.record('SpreadsheetTriggerBuilder.onOpen', 'other'), (eventType = 'ON_OPEN'), b),
      onEdit: () => (meter.record('SpreadsheetTriggerBuilder.onEdit', 'other'), (eventType = 'ON_EDIT'), b),
      onChange: () => (meter.record('SpreadsheetTriggerBuilder.onChange', 'other'), (eventType = 'ON_CHANGE'), b),
      onFormSubmit: () => (meter.record('SpreadsheetTriggerBuilder.onFormSubmit', 'other'), (eventType = 'ON_FORM_SUBMIT'), b),
      create() {
        if (!eventType) {
          meter.record('SpreadsheetTriggerBuilder.create', 'other');
          throw new Error('Trigger needs an event: call onOpen(), onEdit(), onChange() or onFormSubmit() first.');
        }
        return create({ handlerFunction, eventType });
      },
    };
    return b;
  };

  return {
    AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' },
    EventType: { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' },
    TriggerSource: { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' },
    InstallationSource: {
      APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      NONE: 'NONE',
      WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
    },
    newTrigger(functionName: string) {
      meter.record('ScriptApp.newTrigger', 'other');
      if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
      return {
        timeBased: () => (meter.record('TriggerBuilder.timeBased', 'other'), clockBuilder(functionName)),
        forSpreadsheet: (_ss: unknown) => (meter.record('TriggerBuilder.forSpreadsheet', 'other'), spreadsheetBuilder(functionName)),
      };
    },
    getProjectTriggers() {
      meter.record('ScriptApp.getProjectTriggers', 'other');
      return o.triggers.map(triggerObject);
    },
    getUserTriggers(_doc: unknown) {
      meter.record('ScriptApp.getUserTriggers', 'other');
      return o.triggers.map(triggerObject);
    },
    deleteTrigger(trigger: unknown) {
      meter.record('ScriptApp.deleteTrigger', 'other');
      const rec = (trigger as { __record?: TriggerRecord } | null)?.__record;
      if (!rec) throw new Error('Invalid argument: trigger');
      const i = o.triggers.findIndex((t) => t.id === rec.id);
      if (i >= 0) o.triggers.splice(i, 1);
    },
    getService() {
      meter.record('ScriptApp.getService', 'other');
      return {
        getUrl: () => (meter.record('Service.getUrl', 'other'), o.webAppUrl),
        isEnabled: () => (meter.record('Service.isEnabled', 'other'), o.webAppUrl !== ''),
      };
    },
    getScriptId() {
      meter.record('ScriptApp.getScriptId', 'other');
      return o.scriptId;
    },
    getOAuthToken() {
      meter.record('ScriptApp.getOAuthToken', 'other');
      return 'ya29.emulated-token';
    },
    getInstallationSource() {
      meter.record('ScriptApp.getInstallationSource', 'other');
      return o.installationSource;
    },
  };
}
