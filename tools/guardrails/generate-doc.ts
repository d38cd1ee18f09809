import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../lib/guardrails/rules';
import { renderGuardrailsDoc } from './render-doc';

export const GUARDRAILS_DOC = 'docs/guardrails.md';

/** Writes docs/guardrails.md; `--check` exits 1 when the committed page differs from the rules (CI, `make lint`). */
function main(): number {
  const target = path.resolve(__dirname, '../..', GUARDRAILS_DOC);
  const rendered = renderGuardrailsDoc(ALL_RULES);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (process.argv.includes('--check')) {
    if (current === rendered) return 0;
    console.error(`${GUARDRAILS_DOC} is out of date with lib/guardrails/rules; run make guardrails-doc and commit it`);
    return 1;
  }
  if (current !== rendered) {
    writeFileSync(target, rendered);
    console.log(`wrote ${GUARDRAILS_DOC}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main();
