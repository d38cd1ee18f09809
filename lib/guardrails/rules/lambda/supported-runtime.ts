import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import { isReference, show } from '../../values';

/**
 * Runtimes without an announced deprecation, reviewed 2026-11 against the AWS Lambda runtime deprecation schedule
 * (nodejs20.x was deprecated on 2026-04-30; Amazon Linux 2 based runtimes end with AL2 in 2026-06).
 */
export const SUPPORTED_RUNTIMES = [
  'nodejs22.x',
  'nodejs24.x',
  'python3.11',
  'python3.12',
  'python3.13',
  'python3.14',
  'java17',
  'java21',
  'java25',
  'dotnet8',
  'dotnet10',
  'ruby3.4',
  'provided.al2023',
];

export const supportedRuntime: ResourceRule = {
  id: 'UAG-LAMBDA-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  what: `Lambda functions use a supported runtime (${SUPPORTED_RUNTIMES.join(', ')}).`,
  why:
    'A deprecated runtime receives no security patches, and after the deprecation date functions can no longer be created or ' +
    'updated: the next fix to the authorizer would fail to deploy in the middle of an incident.',
  fix: 'Set runtime to a supported version (the project bundles Node.js handlers for nodejs22.x).',
  check: ({ values }) => {
    if (values.package_type === 'Image') return NOT_APPLICABLE;
    const runtime = values.runtime;
    return compliantIf(isReference(runtime) || (typeof runtime === 'string' && SUPPORTED_RUNTIMES.includes(runtime)), `runtime is ${show(runtime)}`);
  },
};
