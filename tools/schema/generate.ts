import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { EnvironmentSchema } from '../../lib/config/schema/environment';
import { ServiceSchema } from '../../lib/config/schema/service';

/** Editor schemas generated from the config model; YAML files reference them with `yaml-language-server: $schema=`. */
export const GENERATED_SCHEMAS = [
  { file: 'environments/schema.json', schema: EnvironmentSchema },
  { file: 'services/schema.json', schema: ServiceSchema },
] as const;

export function renderSchema(schema: z.ZodType): string {
  // `input`: fields with defaults are optional for the person writing the file.
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }), null, 2)}\n`;
}

/** `--check` exits 1 when a committed schema is stale, for CI. */
function main(): number {
  const root = path.resolve(__dirname, '../..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, schema } of GENERATED_SCHEMAS) {
    const target = path.join(root, file);
    const rendered = renderSchema(schema);
    const current = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current === rendered) continue;
    if (check) {
      console.error(`${file} is out of date with the config model; run make schema and commit it`);
      stale++;
    } else {
      writeFileSync(target, rendered);
      console.log(`wrote ${file}`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
