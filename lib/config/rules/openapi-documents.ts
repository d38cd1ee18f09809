import { lintOpenApi } from '../../openapi/lint';
import type { ConfigRule } from './rule';

/** Every service's OpenAPI document passes the error-level OpenAPI rules (lib/openapi/rules). */
export const openApiDocuments: ConfigRule = {
  id: 'openapi-documents',
  check: (config) =>
    [...config.services.values()].flatMap((service) =>
      lintOpenApi(service.openApiFile, service.openApi, service.definition).map(({ severity: _severity, ...problem }) => problem),
    ),
};
