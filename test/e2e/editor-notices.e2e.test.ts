/**
 * The Midtrans Trigger's notices as a user reads them in a real n8n 2.40.7 editor in Chromium. The
 * editor keeps only <a>, <ul> and <li> in a notice, so the setup steps must arrive as list items: the
 * test reads the rendered DOM (one list item per step, no tag shown as text, no steps run together)
 * and saves a screenshot to test-artifacts/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { DEFAULT_OWNER, REPO_ROOT } from './harness';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import { linkLifecycleWorkflow, triggerOnlyWorkflow } from './workflows';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
let stack: Stack;
let browser: Browser;
let page: Page;
let workflowId: string;
let actionWorkflowId: string;

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv() });
  workflowId = await stack.n8n.importWorkflow(triggerOnlyWorkflow('5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), {
    credentials: { midtransApi: stack.credential },
  });
  actionWorkflowId = await stack.n8n.importWorkflow(linkLifecycleWorkflow(), { credentials: { midtransApi: stack.credential } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${stack.n8n.baseUrl}/signin`);
  await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(DEFAULT_OWNER.email);
  await page.locator('input[type="password"]').first().fill(DEFAULT_OWNER.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
}, 300000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test("the Trigger's notices render as separate steps and bullet points in the real editor", async () => {
  await page.goto(`${stack.n8n.baseUrl}/workflow/${workflowId}`);
  const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Midtrans Trigger' }).first();
  await node.waitFor({ timeout: 60000 });
  await node.dblclick();
  const setup = page.locator('[role="alert"]').filter({ hasText: 'set it up once by hand' }).first();
  const duplicates = page.locator('[role="alert"]').filter({ hasText: 'Remove Duplicates' }).first();
  await setup.waitFor({ timeout: 30000 });
  // Let the panel finish its opening animation before the screenshot.
  await page.waitForTimeout(1000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'midtrans-trigger-editor.png') });

  const steps = await setup.locator('li').allInnerTexts();
  expect(steps.map((s) => s.trim().slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ']);
  expect(steps[1]).toMatch(/^2\. Copy the Production URL/);
  const settings = await duplicates.locator('li').allInnerTexts();
  expect(settings.map((s) => s.split(':')[0].trim())).toEqual(['Operation', 'Keep Items Where', 'Value to Dedupe On']);
  expect(settings[2]).toContain('{{ $json.transaction_id }}-{{ $json.state }}');

  for (const notice of [setup, duplicates]) {
    const text = await notice.innerText();
    // What the issue saw: sanitised-away tags leave steps glued together ("by hand:1. Publish", "workflow.2. Copy").
    expect(text).not.toMatch(/<\/?(br|b|code|ul|li)>/);
    expect(text).not.toMatch(/[.:]\d\. /);
    // Each list item starts its own line in the rendered text.
    expect(text.split('\n').filter((line) => /^\s*\d\. /.test(line))).toHaveLength(notice === setup ? 4 : 0);
  }
});

test("the action node's Create fields show their labels and hints in the real editor", async () => {
  await page.goto(`${stack.n8n.baseUrl}/workflow/${actionWorkflowId}`);
  const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Create' }).first();
  await node.waitFor({ timeout: 60000 });
  await node.dblclick();
  const panel = page.locator('[data-test-id="node-parameters"]').first();
  await panel.getByText('Amount Type', { exact: true }).first().waitFor({ timeout: 30000 });
  // The Order ID's description, as its tooltip shows it.
  // The description shows in the tooltip of the help icon that appears when the label is hovered.
  const label = panel
    .locator('[data-test-id="input-label"]')
    .filter({ hasText: /^Order ID/ })
    .first();
  await label.hover();
  await label.locator('[class*="_infoIcon_"]').first().hover();
  const tooltip = page.getByText(/Your unique order reference/).first();
  await tooltip.waitFor({ timeout: 10000 });
  await page.waitForTimeout(500);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'midtrans-create-editor.png') });
  const text = await tooltip.innerText();
  expect(text).toMatch(
    /^Your unique order reference: up to 50 letters, .*\(keep it to 36 or fewer\)\. Midtrans appends a 14-character suffix to it for each payment\.$/,
  );
  expect(text).not.toMatch(/<\/?[a-z]+>/);
  for (const label of [
    'Order ID',
    'Amount Type',
    'Amount (IDR)',
    'Title',
    'Usage Limit',
    'Payment Methods',
    'Link ID',
    'Additional Fields',
  ]) {
    await expect(panel.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
  }
});
