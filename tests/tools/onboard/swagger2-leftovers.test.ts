import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyExampleConfig } from '../../support/example-config';
import { snapshotTree } from '../../support/run-synth';
import { onboard, PETS_OPTIONS } from './run-onboard';

/**
 * An OpenAPI 3.0 file carrying Swagger 2.0 leftovers (a hand conversion): securityDefinitions at the top and `type:` on
 * a response header. The refusal says exactly what to move where, with the line; `--fix` moves both and says so.
 */
const PETSTORE = path.resolve(__dirname, '../../fixtures/openapi/import/petstore-expanded.yaml');

function withLeftovers(): string {
  const text = readFileSync(PETSTORE, 'utf8')
    .replace(
      "        '200':\n          description: pet response\n",
      "        '200':\n          description: pet response\n          headers:\n            X-Rate-Limit:\n              type: integer\n              format: int32\n",
    )
    .concat('securityDefinitions:\n  petstoreKey:\n    type: apiKey\n    name: X-Api-Key\n    in: header\n');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'uag-leftovers-')), 'petstore-hand-converted.yaml');
  writeFileSync(file, text);
  return file;
}

describe('Swagger 2.0 leftovers in an OpenAPI 3.0 file', () => {
  it('are refused in one run, each saying what to move where, at its line', async () => {
    const dir = copyExampleConfig();
    const file = withLeftovers();
    const before = snapshotTree(dir);
    const run = await onboard(dir, ['import', file, ...PETS_OPTIONS]);
    expect(run.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    const lines = run.stderr.split('\n');
    const text = readFileSync(file, 'utf8').split('\n');
    // Positions are those of the values (the line of `type: integer`, the first line under `securityDefinitions:`).
    const typeLine = text.indexOf('              type: integer') + 1;
    const definitionsLine = text.indexOf('securityDefinitions:') + 2;
    const header = '#/paths/~1pets/get/responses/200/headers/X-Rate-Limit';
    expect(lines.filter((line) => line.startsWith(`  ${file}:`) || line.startsWith('    fix:'))).toEqual([
      `  ${file}:${typeLine}:21: ${header}/type: type is Swagger 2.0, not OpenAPI 3.0: a header's type (and format, items, enum, default) goes into its schema [UAG-OAS-000]`,
      '    fix: replace `type: <t>` with `schema: { type: <t> }` (`import --fix` moves it)',
      `  ${file}:${typeLine + 1}:23: ${header}/format: format is Swagger 2.0, not OpenAPI 3.0: a header's type (and format, items, enum, default) goes into its schema [UAG-OAS-000]`,
      '    fix: replace `type: <t>` with `schema: { type: <t> }` (`import --fix` moves it)',
      `  ${file}:${definitionsLine}:3: #/securityDefinitions: securityDefinitions is Swagger 2.0, not OpenAPI 3.0: security schemes live under components.securitySchemes [UAG-OAS-000]`,
      '    fix: move every entry of securityDefinitions to components.securitySchemes (`import --fix` moves them)',
    ]);
    // One message per problem: none of the official schema's `$ref` / oneOf noise.
    expect(run.stderr).not.toMatch(/oneOf|\$ref|must match/);
  });

  it('are moved by --fix, which lists each move', async () => {
    const dir = copyExampleConfig();
    const run = await onboard(dir, ['import', withLeftovers(), '--fix', ...PETS_OPTIONS]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  moved securityDefinitions petstoreKey to components.securitySchemes');
    expect(run.stdout).toContain('  #/paths/~1pets/get/responses/200/headers/X-Rate-Limit: moved type, format into schema');
    const document = parse(readFileSync(path.join(dir, 'services/pets/openapi.yaml'), 'utf8'));
    expect(document.securityDefinitions).toBeUndefined();
    expect(document.components.securitySchemes.petstoreKey).toEqual({ type: 'apiKey', name: 'X-Api-Key', in: 'header' });
    expect(document.paths['/pets'].get.responses['200'].headers['X-Rate-Limit']).toEqual({ schema: { type: 'integer', format: 'int32' } });
  });
});
