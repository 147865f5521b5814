/**
 * `npm run check:go-live -- --environment production --notification-url https://…`: runs the go-live
 * checks (checks.ts) with the server key from MIDTRANS_SERVER_KEY (an environment variable, so the key
 * stays out of shell history), prints ok or what to fix for each, and exits 1 when one fails.
 */
import type { Environment } from '../../core/src';
import { checkKeyAccepted, checkKeyMatchesEnvironment, checkNotificationUrl, type CheckResult } from './checks';

const USAGE =
  'Usage: MIDTRANS_SERVER_KEY=… npm run check:go-live -- --environment sandbox|production [--notification-url URL] [--api-base-url URL]';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const environment = option('environment');
  if (environment !== 'sandbox' && environment !== 'production') {
    process.stderr.write(`--environment must be sandbox or production\n${USAGE}\n`);
    return 2;
  }
  const key = (process.env.MIDTRANS_SERVER_KEY ?? '').trim();
  const baseUrl = option('api-base-url');
  const results: CheckResult[] = [checkKeyMatchesEnvironment(key, environment as Environment, !!baseUrl)];
  if (results[0].ok) results.push(await checkKeyAccepted({ serverKey: key, environment: environment as Environment, baseUrl }));
  const url = option('notification-url');
  if (url) results.push(await checkNotificationUrl(url, key, environment as Environment));
  for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.step}${r.ok ? '' : `: ${r.detail}`}\n`);
  if (!url) process.stdout.write('(no --notification-url given: that step is not checked)\n');
  return results.every((r) => r.ok) ? 0 : 1;
}

main().then((code) => process.exit(code));
