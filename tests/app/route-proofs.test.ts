import { TerraformResource, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { loadSynthesizedApp, proveRoutes } from '../../lib/route-proofs';
import { formatRouteFailure, RouteProofError } from '../../lib/route-proofs/synth-check';
import { synthesize } from '../../app/synthesize';
import { REPO_ROOT } from '../support/example-config';
import { previousOutput, snapshotTree } from '../support/run-synth';

/** Registers every backend target outside the spoke VPCs, as a careless escape hatch would. */
class TargetOutsideSpokes implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof TerraformResource && node.terraformResourceType === 'aws_lb_target_group_attachment') node.addOverride('target_id', '10.250.1.10');
  }
}

describe('route proofs in synthesis', () => {
  it('prove every route of a deploy-mode synth and report the summary', () => {
    const { routes } = synthesize({ configDir: REPO_ROOT, outdir: previousOutput(), environments: 'dev' });
    expect(routes.status).toBe('proven');
    expect(routes.status === 'proven' && routes.summaries.map(({ environment, routes: count, broken }) => ({ environment, count, broken }))).toEqual([
      { environment: 'dev', count: 12, broken: 0 },
    ]);
  });

  it('fail synthesis on a broken route like a guardrail error and leave the previous output as it was', () => {
    const outdir = previousOutput();
    const before = snapshotTree(outdir);
    let failure: unknown;
    try {
      synthesize({ configDir: REPO_ROOT, outdir, environments: 'dev', aspects: [new TargetOutsideSpokes()] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RouteProofError);
    const broken = (failure as RouteProofError).proofs.filter((proof) => proof.broken);
    expect(broken).toHaveLength(12);
    expect(new Set(broken.map((proof) => `${proof.broken!.name} ${proof.broken!.stack} ${proof.broken!.attribute}`))).toEqual(
      new Set(['targets dev-gateway target_id']),
    );
    expect(formatRouteFailure(failure as RouteProofError, outdir).split('\n')[0]).toBe(
      `Route proofs failed: 12 broken routes; synthesis stopped and ${outdir} was left as it was.`,
    );
    expect(snapshotTree(outdir)).toEqual(before);
  });

  it('are skipped, not passed, in offline mode, whose stand-ins prove nothing', () => {
    const outdir = previousOutput();
    const { routes } = synthesize({ configDir: REPO_ROOT, outdir, environments: 'dev', offline: true });
    expect(routes).toEqual({
      status: 'skipped',
      reason: 'offline synthesis replaces cross-stack references with stand-ins; route proofs run on deploy-mode output (make synth, make paths)',
    });
    // Asked anyway (make paths on offline output), the checker never counts a stand-in as proven.
    const proofs = proveRoutes(loadSynthesizedApp(outdir));
    expect(proofs).toHaveLength(12);
    expect(proofs.filter((proof) => !proof.broken)).toEqual([]);
  });
});
