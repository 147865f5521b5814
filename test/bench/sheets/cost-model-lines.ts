/**
 * The cost model as the benchmark prints it: each constant of tools/apps-script-emulator/cost-model.ts
 * with its value and the comment that says where it comes from, and the list of sources. Read from the
 * one file that holds them, so the printout cannot drift from what priced the run.
 */
import fs from 'fs';
import path from 'path';
import { COST } from '../../../tools/apps-script-emulator';
import { repoRoot } from '../repo-root';

export interface CostConstant {
  name: string;
  value: number;
  source: string;
}

function oneLine(comment: string): string {
  return comment
    .replace(/^\s*\/\*\*|\*\/\s*$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A constant without its own comment takes its section's (`// ---- Other services (ESTIMATES…) ----`). */
function sectionNote(text: string, name: string): string {
  const at = text.indexOf(`${name}:`);
  const sections = [...text.slice(0, at).matchAll(/\/\/ -{4} (.*?) -{4,}/g)];
  return sections.length ? sections[sections.length - 1][1] : '(no comment)';
}

export function costModel(): { constants: CostConstant[]; sources: string[] } {
  const text = fs.readFileSync(path.join(repoRoot(), 'tools', 'apps-script-emulator', 'cost-model.ts'), 'utf8');
  const constants: CostConstant[] = [];
  for (const [name, value] of Object.entries(COST)) {
    const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*\\n\\s*${name}:`).exec(text);
    constants.push({ name, value, source: m ? oneLine(m[1]) : sectionNote(text, name) });
  }
  const header = /Sources\n([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
  const sources: string[] = [];
  for (const line of header.split('\n')) {
    const l = line.replace(/^\s*\*\s?/, '');
    if (/^\[/.test(l)) sources.push(l.trim());
    else if (l.trim() && sources.length) sources[sources.length - 1] += ` ${l.trim()}`;
  }
  return { constants, sources };
}
