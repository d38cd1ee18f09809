// Lints planted sources with the project's ESLint configuration, all in one process (tests/support/eslint.ts):
// stdin is a JSON array of { file, code }, stdout the messages of each, in order.
import { ESLint } from 'eslint';
import * as path from 'node:path';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { file, code } of JSON.parse(input)) {
  const [report] = await eslint.lintText(code, { filePath: path.resolve(file) });
  results.push(report.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
