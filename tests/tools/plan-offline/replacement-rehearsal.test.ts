import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../../app/synthesize';
import { rehearseChange } from '../../../tools/plan-offline/rehearse-change';
import { changeKind } from '../../../tools/plan-report/change-kind';
import { checkDestroys } from '../../../tools/plan-report/destroy-guard';
import { readPlanFile, type StackPlan } from '../../../tools/plan-report/plan-file';
import { resolveProviderMirror } from '../../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../../tools/terraform/run-command';
import { REPO_ROOT } from '../../support/example-config';
import { ledgerMovedToTls } from './backend-change';

/**
 * Acceptance of issue 16 (item 2): a backend's port and protocol change, planned offline against a state in which the
 * example's dev-gateway exists (tools/plan-offline/rehearse-change.ts), replaces its target group create-before-destroy
 * and leaves the VPC link alone. Only the ledger's resources and what they depend on are planned (-target).
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : mirrorMissing;
if (skipReason) console.warn(`SKIPPED offline replacement rehearsal: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;

const tempOutdir = (prefix: string): string => path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'cdktf.out');

/** The ledger backend's target group, its target, its listener and the VPC link in dev-gateway, by their addresses in the output. */
function ledgerAddresses(outdir: string): Record<'targetGroup' | 'target' | 'listener' | 'vpcLink', string> {
  const json = JSON.parse(readFileSync(path.join(outdir, 'stacks', 'dev-gateway', 'cdk.tf.json'), 'utf8')) as {
    resource: Record<string, Record<string, unknown>>;
  };
  const only = (type: string, nameContains: string): string => {
    const names = Object.keys(json.resource[type] ?? {}).filter((name) => name.includes(nameContains));
    if (names.length !== 1) throw new Error(`expected one ${type} named *${nameContains}* in dev-gateway, found ${names.length}`);
    return `${type}.${names[0]}`;
  };
  return {
    targetGroup: only('aws_lb_target_group', 'Backend-ledger_'),
    target: only('aws_lb_target_group_attachment', 'Backend-ledger_'),
    listener: only('aws_lb_listener', 'Backend-ledger_'),
    vpcLink: only('aws_api_gateway_vpc_link', 'VpcLink-'),
  };
}

describeWhenAvailable('rehearsing a backend port and protocol change offline', () => {
  let plan: StackPlan;
  let addresses: ReturnType<typeof ledgerAddresses>;

  beforeAll(async () => {
    const baseOut = tempOutdir('uag-rehearsal-base-');
    synthesize({ configDir: REPO_ROOT, outdir: baseOut, environments: 'dev', offline: true });
    const changedOut = tempOutdir('uag-rehearsal-changed-');
    synthesize({ configDir: ledgerMovedToTls(), outdir: changedOut, environments: 'dev', offline: true });
    addresses = ledgerAddresses(baseOut);
    const file = await rehearseChange({
      baseOutdir: baseOut,
      changedOutdir: changedOut,
      stack: 'dev-gateway',
      targets: Object.values(addresses),
      mirror: mirror!,
      planDir: path.join(changedOut, 'plans'),
    });
    plan = readPlanFile(file);
  });

  it('replaces the target group and its target create-before-destroy, moves the listener in place, keeps the VPC link', () => {
    const kind = (address: string) => changeKind(plan.resourceChanges.find((change) => change.address === address)!);
    expect({
      targetGroup: kind(addresses.targetGroup),
      target: kind(addresses.target),
      listener: kind(addresses.listener),
      vpcLink: kind(addresses.vpcLink),
    }).toEqual({ targetGroup: 'replace-create-first', target: 'replace-create-first', listener: 'update', vpcLink: 'no-op' });
    const after = plan.resourceChanges.find((change) => change.address === addresses.targetGroup)!.change.after as Record<string, unknown>;
    expect([after.name, after.protocol, after.port]).toEqual(['dev-ledger-tls-8443', 'TLS', 8443]);
  });

  it('destroys nothing protected, so the plan report lets it through without UAG_ALLOW_DESTROY', () => {
    expect(checkDestroys([plan], [])).toEqual({ findings: [], unusedAllowances: [], blocked: false });
  });
});
