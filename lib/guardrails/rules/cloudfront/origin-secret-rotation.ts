import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import type { StackView } from '../../stack-view';
import { block, blocks, isReference, stringList } from '../../values';
import { customOrigins } from './custom-origins';

const VERSION = /aws_secretsmanager_secret_version\.([A-Za-z0-9_-]+)\.secret_string/g;

export const originSecretRotation: ResourceRule = {
  id: 'UAG-CF-007',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudfront_distribution'],
  what: 'The origin-verification header value rotates: it is drawn from two Secrets Manager secret versions, each replaced by a rotation trigger (replace_triggered_by).',
  why:
    'The origin-verification value is the only thing that keeps clients from calling the regional API around CloudFront, WAF and ' +
    'Shield, and it is readable by anyone who can read the gateway state (CloudFront and WAF store it). A value that never ' +
    'changes stays valid for whoever copied it once; two slots rotated on a schedule bound that to two periods while the ' +
    'regional web ACL keeps accepting the slot CloudFront edges still send (decision 0016-origin-secret-rotation).',
  fix: 'Create the value with modules/edge/origin-verification-secret.ts (two slots, terraform_data rotation triggers, replace_triggered_by) and send its `value`.',
  check: ({ values }, stack) => {
    const origins = customOrigins(values).flatMap(({ label, origin }) =>
      blocks(origin.custom_header)
        .filter((header) => typeof header.name === 'string' && header.name.toLowerCase() === 'x-origin-verify')
        .map((header) => ({ label, value: header.value })),
    );
    if (origins.length === 0) return NOT_APPLICABLE;
    const problems = origins.flatMap(({ label, value }) => rotationProblems(label, value, stack));
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};

function rotationProblems(label: string, value: unknown, stack: StackView): string[] {
  if (!isReference(value)) return [`${label} sends x-origin-verify as a literal`];
  const versions = [...new Set([...String(value).matchAll(VERSION)].map((match) => `aws_secretsmanager_secret_version.${match[1]}`))];
  if (versions.length < 2) return [`${label} sends x-origin-verify from ${versions.length} secret version(s), not two rotation slots`];
  return versions.flatMap((address) => {
    const version = stack.get(address);
    if (!version) return [`${label} sends x-origin-verify from ${address}, which is not in this stack`];
    const triggers = stringList(block(version.values.lifecycle)?.replace_triggered_by) ?? [];
    return triggers.length > 0 ? [] : [`${address} has no lifecycle.replace_triggered_by, so its value never rotates`];
  });
}
