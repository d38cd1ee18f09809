import * as path from 'node:path';
import { REPO_ROOT } from '../../support/example-config';
import type { StackPlacement } from '../../../tools/plan-report/markdown-summary';
import { readPlanFile, type StackPlan } from '../../../tools/plan-report/plan-file';

export const PLAN_FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'plans');

/** A hand-written plan, e.g. `fixturePlan('mixed/dev-gateway.plan.json')`. */
export function fixturePlan(relative: string): StackPlan {
  return readPlanFile(path.join(PLAN_FIXTURES, relative));
}

/** Where the example dev stacks deploy (what placementsFromConfig returns for them). */
export const DEV_PLACEMENTS: StackPlacement[] = [
  { stack: 'dev-org', environment: 'dev', accountAlias: 'management', accountId: '111122223333' },
  { stack: 'dev-security', environment: 'dev', accountAlias: 'security', accountId: '222233334444' },
  { stack: 'dev-network', environment: 'dev', accountAlias: 'network', accountId: '333344446666' },
  { stack: 'dev-gateway', environment: 'dev', accountAlias: 'gateway', accountId: '444455556666' },
  { stack: 'dev-api-payments', environment: 'dev', accountAlias: 'gateway', accountId: '444455556666' },
];
