/**
 * npm run deploy:sheets cannot reach Google here; what it must do without a login is stop before
 * touching anything and say how to log in.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { testTempDir } from '../../support/temp-dir';

jest.setTimeout(60_000);

test('without a clasp login it exits 1 with the two steps to log in, and writes no project file', () => {
  const home = testTempDir('no-clasp-login-');
  const script = path.join(__dirname, '../../../apps-script/scripts/deploy.js');
  const r = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, USERPROFILE: home, clasp_config_auth: path.join(home, '.clasprc.json') },
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('deploy:sheets: not logged in to Google');
  expect(r.stderr).toContain('https://script.google.com/home/usersettings');
  expect(r.stderr).toContain('npx clasp login');
  expect(fs.existsSync(path.join(__dirname, '../../../apps-script/.deployment-id'))).toBe(false);
});

test('.clasp.json.example has the shape clasp reads, with placeholders instead of a real script id', () => {
  const example = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../apps-script/.clasp.json.example'), 'utf8'));
  expect(example.rootDir).toBe('dist');
  expect(example.scriptId).toMatch(/^</);
});
