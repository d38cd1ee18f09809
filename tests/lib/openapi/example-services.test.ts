import { lintOpenApi } from '../../../lib/openapi/lint';
import { exampleConfig } from '../../support/example-config';

/** The example services are what teams copy: they pass every rule, warnings included. */
describe('example services against the whole OpenAPI rule pack', () => {
  it.each([...exampleConfig().services.values()].map((service) => [service.openApiFile, service] as const))('%s has no findings', (file, service) => {
    expect(lintOpenApi(file, service.openApi, service.definition, { severities: ['error', 'warning'] })).toEqual([]);
  });
});
