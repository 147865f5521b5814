#!/usr/bin/env node
/**
 * Which files of apps-script/src reach an Apps Script global (SpreadsheetApp, PropertiesService,
 * UrlFetchApp, Session, ...) directly. Uses the type checker, so a local binding that shadows a global
 * name (an import from services.ts) is not counted, and `globalThis` (a way round the check) is.
 * `console` is standard JavaScript, not an Apps Script service, and is left out.
 *
 *   node apps-script/scripts/apps-script-globals.js   # prints "file: Global×count, ..." and the file count
 */
'use strict';
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const TYPES_DIR = `${path.sep}@types${path.sep}google-apps-script${path.sep}`;
const NOT_A_SERVICE = new Set(['console']);

/** @returns {Map<string, Map<string, number>>} file (relative to apps-script/src) → global → references */
function appsScriptGlobalsByFile() {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const src = path.join(root, 'src') + path.sep;
  const out = new Map();
  for (const file of program.getSourceFiles()) {
    const name = path.normalize(file.fileName);
    if (!name.startsWith(src)) continue;
    const counts = new Map();
    const visit = (node) => {
      if (ts.isIdentifier(node) && node.text === 'globalThis') {
        counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
      } else if (ts.isIdentifier(node) && !NOT_A_SERVICE.has(node.text)) {
        const symbol = checker.getSymbolAtLocation(node);
        const isGlobal = symbol?.declarations?.some(
          (d) => ts.isVariableDeclaration(d) && path.normalize(d.getSourceFile().fileName).includes(TYPES_DIR),
        );
        if (isGlobal) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (counts.size) out.set(path.relative(src, name).split(path.sep).join('/'), counts);
  }
  return out;
}

module.exports = { appsScriptGlobalsByFile };

if (require.main === module) {
  const byFile = appsScriptGlobalsByFile();
  for (const [file, counts] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${file}: ${[...counts].map(([g, n]) => `${g}×${n}`).join(', ')}`);
  }
  console.log(`${byFile.size} files reach Apps Script globals`);
}
