/**
 * What n8n's editor does with the text our nodes and credential show. A notice goes through n8n's
 * Notice component, which keeps only <a>, <ul> and <li> (n8n-editor-ui 2.40, N8nNotice: sanitize-html
 * with allowedTags a/ul/li), so any other tag vanishes and the text around it runs together. Names,
 * descriptions, hints and placeholders are shown as text. The real editor is checked in
 * test/e2e/editor-notices.e2e.test.ts; this pins the rule for every text, quickly.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { MidtransApi } from '../../../n8n-node/credentials/MidtransApi.credentials';
import { Midtrans } from '../../../n8n-node/nodes/Midtrans/Midtrans.node';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';

type Shown = { where: string; kind: 'notice' | 'text'; text: string };

function textsOf(owner: string, props: readonly unknown[], path = ''): Shown[] {
  const out: Shown[] = [];
  for (const p of props as (INodeProperties & INodePropertyOptions & { values?: unknown[] })[]) {
    const where = `${owner} ${path}${p.name ?? p.displayName}`;
    if (p.type === 'notice') out.push({ where, kind: 'notice', text: p.displayName });
    else for (const t of [p.displayName, p.name]) if (typeof t === 'string') out.push({ where, kind: 'text', text: t });
    for (const t of [p.description, p.hint, p.placeholder, p.action]) if (typeof t === 'string') out.push({ where, kind: 'text', text: t });
    const nested = (p as { options?: unknown[] }).options ?? p.values;
    if (Array.isArray(nested)) out.push(...textsOf(owner, nested, `${path}${p.name} › `));
  }
  return out;
}

const shown = [
  ...textsOf('Midtrans', new Midtrans().description.properties),
  ...textsOf('Midtrans Trigger', new MidtransTrigger().description.properties),
  ...textsOf('Midtrans API credential', new MidtransApi().properties),
];
const tags = (text: string) => [...text.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)].map((m) => m[1].toLowerCase());

test('the nodes and the credential show texts, and the trigger has its two notices', () => {
  expect(shown.length).toBeGreaterThan(100);
  expect(shown.filter((s) => s.kind === 'notice').map((s) => s.where)).toEqual([
    'Midtrans Trigger setupNotice',
    'Midtrans Trigger duplicatesNotice',
  ]);
});

test.each(shown.filter((s) => s.kind === 'notice').map((s) => [s.where, s.text]))(
  '%s uses only the tags a notice keeps, in whole lists',
  (_, text) => {
    expect(tags(text).filter((t) => !['a', 'ul', 'li'].includes(t))).toEqual([]);
    const items = text.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((li) => text.lastIndexOf('<ul>', text.indexOf(li)) > text.lastIndexOf('</ul>', text.indexOf(li)))).toBe(true);
  },
);

test('no other text carries HTML, which would show as tags or vanish', () => {
  expect(shown.filter((s) => s.kind === 'text' && tags(s.text).length).map((s) => `${s.where}: ${s.text}`)).toEqual([]);
});
