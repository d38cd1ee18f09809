import { isObject } from '../document';
import { locationKey, refusedIntegrations } from '../integration-kind';
import type { OpenApiFinding, OpenApiRule } from './rule';

/** `{ "Fn::Sub": ... }`, `{ "Ref": ... }`: a CloudFormation intrinsic function is an object with exactly that one key. */
const INTRINSIC_KEY = /^(Fn::[A-Za-z]+|Ref|Condition)$/;

/** `${AWS::Region}`, `${AWS::AccountId}`: CloudFormation pseudo parameters inside a string. */
const PSEUDO_PARAMETER = /\$\{AWS::[A-Za-z]+\}/;

/** An ARN naming one account (`arn:aws:iam::123456789012:role/...`); 12 digits in the account field. */
const ACCOUNT_ARN = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\d{12}:/;

/** Keys whose value API Gateway reads as a URI; anything but a string is template residue. */
const URI_KEYS = new Set(['uri', 'authorizerUri']);

/**
 * No CloudFormation or other foreign residue in the API body. A definition copied out of a SAM or CloudFormation
 * template (`DefinitionBody`, `Body`) or an API Gateway export still carries what that tool resolved: intrinsic
 * functions, `${AWS::…}` pseudo parameters, an IAM role for `credentials`, ARNs of the account it came from. The
 * platform deploys the body as it is, so such a value either fails at import in API Gateway or, worse, deploys and
 * points at another account's resources. One finding per offending node; nothing below it is reported again.
 */
export const foreignResidue: OpenApiRule = {
  id: 'UAG-OAS-005',
  severity: 'error',
  description:
    'No CloudFormation or foreign residue in the API body: no Fn::*/Ref intrinsics, ${AWS::…} pseudo parameters, integration credentials, account-specific ARNs, non-string URIs or x-amazon-apigateway-auth.',
  // Inside an integration UAG-OAS-001 refuses as a whole, deleting that integration is the one fix.
  check: ({ document }) => findResidue(document, [], refusedIntegrations(document)),
};

function findResidue(value: unknown, path: (string | number)[], skip: ReadonlySet<string>): OpenApiFinding[] {
  if (skip.has(locationKey(path))) return [];
  const key = path[path.length - 1];
  if (typeof key === 'string' && URI_KEYS.has(key) && typeof value !== 'string') {
    return [finding(path, `${key} is ${describe(value)}, not a string`)];
  }
  if (key === 'x-amazon-apigateway-auth') {
    return [
      {
        path,
        message: `x-amazon-apigateway-auth ${JSON.stringify(value)} is the source API's own authorization; the platform authorizes every call with the gateway authorizer`,
        fix: 'delete x-amazon-apigateway-auth (import --fix does); the operation keeps its security requirement on the gateway authorizer',
      },
    ];
  }
  if (key === 'credentials')
    return [finding(path, `credentials ${JSON.stringify(value)}: the gateway would call the backend with an IAM role of another account`)];
  if (typeof value === 'string') {
    const reasons = [
      ...(PSEUDO_PARAMETER.test(value) ? [`the CloudFormation pseudo parameter ${PSEUDO_PARAMETER.exec(value)![0]}`] : []),
      ...(ACCOUNT_ARN.test(value) ? [`an ARN of account ${/:(\d{12}):/.exec(value)![1]}`] : []),
    ];
    return reasons.length > 0 ? [finding(path, `${JSON.stringify(value)} contains ${reasons.join(' and ')}`)] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findResidue(item, [...path, index], skip));
  if (!isObject(value)) return [];
  const keys = Object.keys(value);
  if (keys.length === 1 && INTRINSIC_KEY.test(keys[0])) return [finding(path, `${describe(value)} is a CloudFormation intrinsic function`)];
  return Object.entries(value).flatMap(([child, item]) => findResidue(item, [...path, child], skip));
}

/** `{ "Fn::Sub": … }`, `{ "Ref": … }`: what UAG-OAS-005 reports, so other rules leave such a value to it. */
export function isCloudFormationIntrinsic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC_KEY.test(keys[0]);
}

function describe(value: unknown): string {
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 1 && INTRINSIC_KEY.test(keys[0]) ? `{"${keys[0]}": …} (CloudFormation)` : 'an object';
  }
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `${typeof value} ${JSON.stringify(value)}`;
}

function finding(path: (string | number)[], message: string): OpenApiFinding {
  return { path, message, fix: residueFix(path) };
}

/**
 * What to do depends on where the residue sits: an integration or an authorizer of the template is replaced by the
 * platform's own (import adds them once the foreign one is gone), anything else by the value it resolved to.
 */
export function residueFix(path: readonly (string | number)[]): string {
  const integration = path.indexOf('x-amazon-apigateway-integration');
  if (integration >= 0) {
    return 'delete this x-amazon-apigateway-integration: `npm run onboard -- import` then adds the HTTP proxy through the service VPC link (or run import with --fix, which replaces it)';
  }
  const authorizer = path.indexOf('x-amazon-apigateway-authorizer');
  if (authorizer >= 0 && path[0] === 'components' && path[1] === 'securitySchemes') {
    return `delete the security scheme ${String(path[2])}: the gateway's own authorizer (gatewayAuthorizer, added by import) authorizes every call`;
  }
  return 'write the literal value the template resolved (no Fn::*, Ref, ${AWS::…}, account ARNs), or delete the field';
}
