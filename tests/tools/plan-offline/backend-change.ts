import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExampleConfig, editYaml } from '../../support/example-config';

/**
 * A scratch configuration in which dev's ledger backend moves from TCP 8080 to TLS 8443 (the example), keeping
 * its listener port: the change that replaces its target group. Only dev is kept (the others would need their own TLS
 * names for ledger), so dev also takes over the organization-wide Firewall Manager delegation prod holds.
 */
export function ledgerMovedToTls(): string {
  const dir = copyExampleConfig();
  rmSync(path.join(dir, 'environments', 'prod.yaml'));
  rmSync(path.join(dir, 'environments', 'staging.yaml'));
  editYaml(dir, 'environments/dev.yaml', (document) => {
    document.setIn(['organization', 'firewallManagerAdministrator', 'delegatedHere'], true);
    document.setIn(['services', 'ledger', 'backend', 'tlsServerName'], 'ledger.backends.dev.example.com');
    document.setIn(['services', 'ledger', 'backend', 'listenerPort'], 8080);
  });
  editYaml(dir, 'services/ledger/service.yaml', (document) => {
    document.setIn(['backend', 'port'], 8443);
    document.setIn(['backend', 'protocol'], 'TLS');
  });
  // The integration scheme follows the listener protocol (UAG-OAS-001).
  const openApi = path.join(dir, 'services', 'ledger', 'openapi.yaml');
  writeFileSync(openApi, readFileSync(openApi, 'utf8').replaceAll('http://${stageVariables', 'https://${stageVariables'));
  return dir;
}
