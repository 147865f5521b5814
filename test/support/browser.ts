/**
 * The one place tests and tools get a headless Chromium. Every browser test launches through here, so how
 * the browser arrives on a machine is decided once.
 */
import { chromium, type Browser } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
}
