import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GuardrailError } from '../../../lib/guardrails/findings';
import { checkSynthesizedOutput } from '../../../lib/guardrails/synthesized-output';
import { exampleConfig } from '../../support/example-config';
import { stackJson } from './support';

/** An output directory as cdktf writes it: manifest.json plus stacks/<id>/cdk.tf.json. */
function outputWith(stacks: Record<string, ReturnType<typeof stackJson>>): string {
  const outdir = mkdtempSync(path.join(tmpdir(), 'uag-guardrails-out-'));
  const manifest = { stacks: Object.fromEntries(Object.keys(stacks).map((id) => [id, { synthesizedStackPath: `stacks/${id}/cdk.tf.json` }])) };
  writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest));
  for (const [id, json] of Object.entries(stacks)) {
    mkdirSync(path.join(outdir, 'stacks', id), { recursive: true });
    writeFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), JSON.stringify(json));
  }
  return outdir;
}

describe('checkSynthesizedOutput', () => {
  const environments = exampleConfig().environments.filter(({ config }) => config.name === 'dev' || config.name === 'prod');
  const dev = environments.find(({ config }) => config.name === 'dev')!;
  const prod = environments.find(({ config }) => config.name === 'prod')!;
  const stacks = [
    { stackId: 'dev-network', environment: dev.config },
    { stackId: 'prod-network', environment: prod.config },
  ];
  const internetFacing = stackJson({ 'aws_lb.payments': { internal: false, load_balancer_type: 'network' } });
  const internal = stackJson({ 'aws_lb.payments': { internal: true, load_balancer_type: 'network' } });
  const protectedInternal = stackJson({ 'aws_lb.payments': { internal: true, load_balancer_type: 'network', enable_deletion_protection: true } });

  it('returns one report per environment with the stacks of that environment', () => {
    const reports = checkSynthesizedOutput(outputWith({ 'dev-network': internal, 'prod-network': protectedInternal }), environments, stacks);
    expect(reports.map((report) => [report.environment, report.file, report.stacks])).toEqual([
      ['dev', 'environments/dev.yaml', 1],
      ['prod', 'environments/prod.yaml', 1],
    ]);
    expect(reports.flatMap((report) => report.findings)).toEqual([]);
  });

  it('throws GuardrailError carrying every report when an error finding remains', () => {
    const run = () => checkSynthesizedOutput(outputWith({ 'dev-network': internetFacing, 'prod-network': internal }), environments, stacks);
    expect(run).toThrow(GuardrailError);
    try {
      run();
    } catch (error) {
      const findings = (error as GuardrailError).reports.flatMap((report) =>
        report.findings.map((finding) => `${finding.ruleId} ${finding.stack} ${finding.address}`),
      );
      expect(findings).toContain('UAG-ELB-001 dev-network aws_lb.payments');
      // Production rules apply to prod only: the dev NLB has no deletion protection either.
      expect(findings).toContain('UAG-ELB-002 prod-network aws_lb.payments');
      expect(findings).not.toContain('UAG-ELB-002 dev-network aws_lb.payments');
    }
  });
});
