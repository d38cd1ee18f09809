import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Construct } from 'constructs';

/** Matches no real endpoint: with nothing granted, the policy admits nobody instead of everybody. */
export const NO_ENDPOINT_GRANTED = 'vpce-00000000000000000';

export interface PrivateApiPolicyProps {
  /** Interface VPC endpoints (execute-api) of the consumers granted the service. */
  readonly allowedVpcEndpointIds: readonly string[];
}

/**
 * Resource policy of a private REST API: invoke only through the granted consumers' VPC endpoints, and an
 * explicit deny for every other source, so a statement added elsewhere cannot widen it.
 */
export class PrivateApiPolicy extends Construct {
  readonly json: string;

  constructor(scope: Construct, id: string, props: PrivateApiPolicyProps) {
    super(scope, id);
    const endpoints = props.allowedVpcEndpointIds.length > 0 ? [...props.allowedVpcEndpointIds] : [NO_ENDPOINT_GRANTED];
    const anyone = [{ type: '*', identifiers: ['*'] }];
    const document = new DataAwsIamPolicyDocument(this, 'Resource', {
      statement: [
        {
          sid: 'AllowGrantedEndpoints',
          effect: 'Allow',
          actions: ['execute-api:Invoke'],
          resources: ['execute-api:/*'],
          principals: anyone,
          condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: endpoints }],
        },
        {
          sid: 'DenyEveryOtherSource',
          effect: 'Deny',
          actions: ['execute-api:Invoke'],
          resources: ['execute-api:/*'],
          principals: anyone,
          condition: [{ test: 'StringNotEquals', variable: 'aws:SourceVpce', values: endpoints }],
        },
      ],
    });
    this.json = document.json;
  }
}
