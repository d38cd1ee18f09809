import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

/**
 * Writes a configuration with `count` services into `target`: the example environments and services, plus
 * generated services (a copy of the payments API under new names) enabled in every environment with
 * backends inside the existing spoke VPCs. Used by `make bench` for the 200-service case.
 *
 *   tsx tools/bench/generate-config.ts <target-dir> [count=200]
 */
const VISIBILITIES = ['public', 'private', 'both'] as const;

/** The services of the example configuration in `root` (one directory each under services/). */
export function exampleServiceCount(root: string): number {
  return readdirSync(path.join(root, 'services'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
}

export function generateConfig(target: string, count: number): void {
  const root = path.resolve(__dirname, '../..');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(root, 'environments'), path.join(target, 'environments'), { recursive: true });
  cpSync(path.join(root, 'services'), path.join(target, 'services'), { recursive: true });

  const template = readFileSync(path.join(root, 'services/payments/openapi.yaml'), 'utf8');
  // The example services count towards `count`, however many the example holds.
  const examples = exampleServiceCount(root);
  const generated = Array.from({ length: Math.max(0, count - examples) }, (_, index) => `svc-${String(index + 1).padStart(3, '0')}`);
  for (const [index, name] of generated.entries()) {
    const visibility = VISIBILITIES[index % VISIBILITIES.length];
    const dir = path.join(target, 'services', name);
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'service.yaml'),
      [
        '# yaml-language-server: $schema=../schema.json',
        `name: ${name}`,
        `description: Generated service ${name} for benchmarks.`,
        'owner: { team: bench-team, email: bench-team@example.com }',
        // Private domains take single-segment base paths; public ones may be multi-level.
        `basePath: ${visibility === 'public' ? `v1/${name}` : name}`,
        `visibility: ${visibility}`,
        'backend: { port: 8443, protocol: TLS }',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'openapi.yaml'), template.replaceAll('Payments API', `${name} API`));
  }

  for (const environment of ['dev', 'staging', 'prod']) {
    const file = path.join(target, 'environments', `${environment}.yaml`);
    const document = parseDocument(readFileSync(file, 'utf8'));
    const spokes = document.getIn(['network', 'spokes']) as { toJSON(): { account: string; vpc: { cidr: string } }[] };
    const spokeList = spokes.toJSON();
    // 200 VPC links exceed the default quota of 20: the generated landing zone is one whose quota AWS raised.
    document.setIn(['network', 'privateIntegrations', 'nlbStrategy'], 'per-service');
    document.setIn(['network', 'privateIntegrations', 'quotas'], document.createNode({ vpcLinksPerRegion: count + 50 }));
    // One NLB, listener, target group and VPC link per service make a gateway stack far above the default budget.
    document.setIn(['guardrails', 'maxResourcesPerStack'], 20 * count + 500);
    // The environment's backend certificate covers `*.<domain>`; generated TLS backends are named under it.
    const certificateNames = (document.getIn(['network', 'privateIntegrations', 'tlsCertificateNames']) as { toJSON(): string[] } | undefined)?.toJSON() ?? [];
    const backendDomain = certificateNames.find((entry) => entry.startsWith('*.'))?.slice(2) ?? `backends.${environment}.example.com`;
    for (const [index, name] of generated.entries()) {
      const spoke = spokeList[index % spokeList.length];
      const [a, b] = spoke.vpc.cidr.split('.');
      // Addresses stay inside the spoke's /16: 10.x.<200-249>.<1-250>.
      const address = `${a}.${b}.${200 + Math.floor(index / 250)}.${(index % 250) + 1}`;
      // TLS backends (all generated ones) use a name the environment's backend certificate covers (rule backend-tls-server-names).
      document.setIn(
        ['services', name],
        document.createNode({ backend: { account: spoke.account, addresses: [address], tlsServerName: `${name}.${backendDomain}` } }),
      );
      // Private and "both" services must be granted to a consumer; the first consumer of the environment gets them.
      if (VISIBILITIES[index % VISIBILITIES.length] !== 'public') {
        const consumer = Object.keys((document.get('consumers') as { toJSON(): Record<string, unknown> }).toJSON())[0];
        (document.getIn(['consumers', consumer, 'services']) as { add(value: unknown): void }).add(name);
      }
    }
    writeFileSync(file, document.toString());
  }
}

if (require.main === module) {
  const [target, count = '200'] = process.argv.slice(2);
  if (!target) {
    console.error('usage: tsx tools/bench/generate-config.ts <target-dir> [count=200]');
    process.exit(2);
  }
  generateConfig(path.resolve(target), Number(count));
  console.log(`wrote a ${count}-service configuration to ${target}`);
}
