import { Document } from 'yaml';
import type { ServiceInput } from '../config/schema/service';

/**
 * `services/<name>/service.yaml` for a new service, laid out like the example services, with the editor
 * schema reference and a note on the optional settings teams usually add later.
 */
export function renderServiceYaml(service: ServiceInput): string {
  const document = new Document({
    name: service.name,
    description: service.description,
    owner: service.owner,
    basePath: service.basePath,
    visibility: service.visibility,
    backend: service.backend,
    ...(service.cors ? { cors: service.cors } : {}),
    throttling: { rateLimit: 100, burstLimit: 200 },
    auditHeaders: [],
  });
  document.comment = [
    ' Optional, when reviewers agree:',
    ' publicOperations:              # operations served without the authorizer',
    '   - operation: GET /health',
    '     reason: probes from the uptime monitor carry no token',
  ].join('\n');
  return `# yaml-language-server: $schema=../schema.json\n${document.toString()}`;
}
