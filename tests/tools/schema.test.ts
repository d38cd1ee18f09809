import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GENERATED_SCHEMAS, renderSchema } from '../../tools/schema/generate';
import { REPO_ROOT } from '../support/example-config';

describe('editor schemas', () => {
  it.each(GENERATED_SCHEMAS.map(({ file, schema }) => [file, schema] as const))('%s is current with the config model (run make schema)', (file, schema) => {
    expect(readFileSync(path.join(REPO_ROOT, file), 'utf8')).toBe(renderSchema(schema));
  });

  it('is referenced from every environment and service file so editors complete and check them', () => {
    const environmentFiles = readdirSync(path.join(REPO_ROOT, 'environments'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [`environments/${name}`, './schema.json'] as const);
    const serviceFiles = readdirSync(path.join(REPO_ROOT, 'services'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [`services/${entry.name}/service.yaml`, '../schema.json'] as const);
    for (const [file, schema] of [...environmentFiles, ...serviceFiles]) {
      expect(readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    }
  });

  it('offers the region codes for completion', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'environments/schema.json'), 'utf8'));
    expect(schema.properties.region.enum).toContain('ap-southeast-1');
  });
});
