/**
 * Apps Script's globals are reached from one module only (apps-script/src/services.ts); every other
 * module imports them from there, so its logic can be tested with small fakes (small-fakes.ts).
 */
import { PropertiesService, useServices } from '../../../apps-script/src/services';

const { appsScriptGlobalsByFile } = require('../../../apps-script/scripts/apps-script-globals.js') as {
  appsScriptGlobalsByFile: () => Map<string, Map<string, number>>;
};

test('only services.ts reaches an Apps Script global; any other module doing so fails here, named', () => {
  const byFile = appsScriptGlobalsByFile();
  const offenders = [...byFile]
    .filter(([file]) => file !== 'services.ts')
    .map(([file, counts]) => `${file} (${[...counts.keys()].join(', ')})`);
  expect(offenders).toEqual([]);
  expect(byFile.has('services.ts')).toBe(true);
}, 60_000);

test('a fake stands in until restored; without one the call fails as a missing Apps Script service does', () => {
  expect(() => PropertiesService.getScriptProperties()).toThrow(new ReferenceError('PropertiesService is not defined'));
  const store = { getProperty: () => 'x' };
  const restore = useServices({ PropertiesService: { getScriptProperties: () => store } });
  expect(PropertiesService.getScriptProperties()).toBe(store);
  restore();
  expect(() => PropertiesService.getScriptProperties()).toThrow(ReferenceError);
});
