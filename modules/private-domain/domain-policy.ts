import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

/** Matches no real endpoint: with no consumer declared, the domain admits nobody instead of everybody. */
export const NO_CONSUMER_ENDPOINT = 'vpce-00000000000000000';

export interface PrivateDomainPolicyProps {
  /** The consumers' execute-api VPC endpoints (ids) that may invoke the domain. */
  readonly allowedVpcEndpointIds: readonly string[];
}

/**
 * The execute-api policy of the private custom domain: invoke only through the declared consumer endpoints, and an
 * explicit deny for every other source. It is the gate after the RAM share: an endpoint associated with the domain
 * but not listed here gets 403.
 */
export class PrivateDomainPolicy extends Construct {
  readonly document: DataAwsIamPolicyDocument;
  /** The policy JSON for `aws_api_gateway_domain_name.policy`. */
  readonly json: string;

  constructor(scope: Construct, id: string, props: PrivateDomainPolicyProps) {
    super(scope, id);
    const literal = props.allowedVpcEndpointIds.filter((endpoint) => !Token.isUnresolved(endpoint));
    const malformed = literal.filter((endpoint) => !/^vpce-[0-9a-f]{8,17}$/.test(endpoint));
    if (malformed.length > 0)
      throw new Error(
        `PrivateDomainPolicy ${this.node.path}: allowedVpcEndpointIds must be VPC endpoint ids such as vpce-0a1b2c3d4e5f67890, got ${malformed.map((e) => `"${e}"`).join(', ')}`,
      );
    const endpoints = props.allowedVpcEndpointIds.length > 0 ? [...props.allowedVpcEndpointIds] : [NO_CONSUMER_ENDPOINT];
    const anyone = [{ type: '*', identifiers: ['*'] }];
    this.document = new DataAwsIamPolicyDocument(this, 'Resource', {
      statement: [
        {
          sid: 'AllowDeclaredConsumerEndpoints',
          effect: 'Allow',
          principals: anyone,
          actions: ['execute-api:Invoke'],
          resources: ['execute-api:/*'],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: endpoints }],
        },
        {
          sid: 'DenyEveryOtherSource',
          effect: 'Deny',
          principals: anyone,
          actions: ['execute-api:Invoke'],
          resources: ['execute-api:/*'],
          condition: [{ test: 'StringNotEquals', variable: 'aws:SourceVpce', values: endpoints }],
        },
      ],
    });
    this.json = this.document.json;
  }
}
