import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { createRamClient } from '../../lib/ram';
import { parseAccessMatrix, parseShareArns } from './access-matrix';
import { createShareAuditor, type AuditSummary } from './auditor';
import { jsonLineLogger } from './log';

/**
 * Lambda entry point, invoked by an EventBridge schedule. The deploying module writes `access-matrix.json` next to
 * this file and passes the share and domain ARNs (known only after apply) as environment variables. A broken bundle
 * fails the init phase: the function's error alarm fires and the drift alarm sees missing data.
 */
const matrix = parseAccessMatrix(JSON.parse(readFileSync(path.join(__dirname, 'access-matrix.json'), 'utf8')));
const region = process.env.AWS_REGION;
if (!region) throw new Error('AWS_REGION is not set (the Lambda runtime sets it)');
const domainArn = process.env.DOMAIN_ARN;
if (!domainArn) throw new Error('DOMAIN_ARN is not set; the deploying module passes the private domain ARN');

const auditor = createShareAuditor({
  matrix,
  shareArns: parseShareArns(process.env.SHARE_ARNS, matrix),
  domainArn,
  ram: createRamClient(region),
  cloudwatch: new CloudWatchClient({ region }),
  log: jsonLineLogger,
});

export async function handler(): Promise<AuditSummary> {
  return auditor.run();
}
