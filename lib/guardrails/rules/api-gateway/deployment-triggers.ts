import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, isSet, isTrueOrReference } from '../../values';

export const deploymentTriggers: ResourceRule = {
  id: 'UAG-APIGW-012',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_deployment'],
  what: 'REST API deployments have redeploy triggers and create_before_destroy.',
  why:
    'A deployment is a snapshot. Without triggers on the body and policy hash, a changed OpenAPI document or a tightened ' +
    'resource policy is applied to the API but never deployed to the stage, so the old routes and the old policy keep serving traffic. ' +
    'Without create_before_destroy the stage briefly points at nothing during a redeploy.',
  fix: 'Set triggers = { redeployment = sha1(<body and policy>) } and lifecycle { create_before_destroy = true } on the deployment.',
  check: ({ values }) => {
    if (!isSet(values.triggers)) return nonCompliant('triggers is empty: body or policy changes are never redeployed');
    if (!isTrueOrReference(block(values.lifecycle)?.create_before_destroy)) return nonCompliant('lifecycle.create_before_destroy is not true');
    return COMPLIANT;
  },
};
