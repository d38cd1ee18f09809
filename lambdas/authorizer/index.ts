import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { createAuthorizer } from './authorizer';
import { jsonLineLogger } from './log';
import { parseRouteTable } from '../../lib/authorizer/route-table';
import { parseAuthorizerSettings } from './settings';

/**
 * Lambda entry point. The bundling module writes `issuers.json` and `routes.json` next to this file in the
 * archive; a broken file fails the init phase, which API Gateway reports as 500: closed, never open.
 */
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, file), 'utf8'));

const authorizer = createAuthorizer({
  settings: parseAuthorizerSettings(readJson('issuers.json')),
  routes: parseRouteTable(readJson('routes.json')),
  log: jsonLineLogger,
});

// Start downloading the key sets during init, so the first requests rarely wait for them.
void authorizer.warmUp();

export async function handler(event: unknown): Promise<APIGatewayAuthorizerResult> {
  const decision = await authorizer.authorize(event);
  // API Gateway's contract for a 401 from a Lambda authorizer is an error whose message is exactly "Unauthorized".
  if (decision.kind === 'unauthorized') throw new Error('Unauthorized');
  return decision.result;
}
