import { exampleEnvironment } from '../../support/example-config';
import { synthEnvironment } from '../../support/environment-json';
import type { TerraformJson } from '../../support/synth-json';

/**
 * The stack contracts decide, in one place, whether a consumer stack gets the producer's value through remote state
 * (deploy) or a literal stand-in of the same shape (offline plans). Both modes are asserted: a stand-in that plans is
 * no proof that the deployed reference works.
 */
const authorizerOf = (json: TerraformJson, restApi: string) =>
  JSON.parse(String((json.resource!.aws_api_gateway_rest_api[restApi] as { body: string }).body)).components.securitySchemes.gatewayAuthorizer[
    'x-amazon-apigateway-authorizer'
  ];
const attachmentOf = (json: TerraformJson) => Object.values(json.resource!.aws_ec2_transit_gateway_vpc_attachment)[0] as { transit_gateway_id: string };

describe('stack contracts', () => {
  describe('deploy mode: remote state of the producer', () => {
    const dev = synthEnvironment(exampleEnvironment('dev'));
    const remote = (stack: string, output: string) => `\${data.terraform_remote_state.cross-stack-reference-input-${stack}.outputs.${output}}`;

    it('gateway → API stack: the authorizer ARNs and the VPC link are references to outputs the gateway declares', () => {
      const api = dev.get('dev-api-payments')!;
      expect(authorizerOf(api, 'Api_Public_83375171')).toMatchObject({
        authorizerUri: remote('dev-gateway', 'cross-stack-output-aws_lambda_functionAuthorizer_Function_EB19F618invoke_arn'),
        authorizerCredentials: remote('dev-gateway', 'cross-stack-output-aws_iam_roleAuthorizer_InvokeRole_EDD039E0arn'),
      });
      expect(Object.keys(dev.get('dev-gateway')!.output!)).toEqual(
        expect.arrayContaining([
          'cross-stack-output-aws_lambda_functionAuthorizer_Function_EB19F618invoke_arn',
          'cross-stack-output-aws_iam_roleAuthorizer_InvokeRole_EDD039E0arn',
        ]),
      );
    });

    it('network → gateway and spokes: the Transit Gateway id is a reference to the network stack', () => {
      const expected = remote('dev-network', 'cross-stack-output-aws_ec2_transit_gatewayTransitGateway_888C3350id');
      expect(attachmentOf(dev.get('dev-gateway')!).transit_gateway_id).toBe(expected);
      expect(attachmentOf(dev.get('dev-spoke-555566666666')!).transit_gateway_id).toBe(expected);
      expect(dev.get('dev-network')!.output![expected.slice(expected.lastIndexOf('.') + 1, -1)].value).toBe(
        '${aws_ec2_transit_gateway.TransitGateway_888C3350.id}',
      );
    });
  });

  describe('offline mode: stand-ins of the same shape, no remote state', () => {
    const dev = synthEnvironment(exampleEnvironment('dev'), { offline: true });

    it('gives the API stack the authorizer ARNs its module predicts from the names it chooses', () => {
      const api = dev.get('dev-api-payments')!;
      expect(api.data?.terraform_remote_state).toBeUndefined();
      expect(authorizerOf(api, 'Api_Public_83375171')).toMatchObject({
        authorizerUri:
          'arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/arn:aws:lambda:ap-southeast-1:444455556666:function:dev-authorizer/invocations',
        authorizerCredentials: 'arn:aws:iam::444455556666:role/dev-authorizer-invoke',
      });
    });

    it('gives the spokes a Transit Gateway id shaped like one', () => {
      expect(attachmentOf(dev.get('dev-spoke-555566666666')!).transit_gateway_id).toMatch(/^tgw-[0-9a-f]{17}$/);
      expect(dev.get('dev-spoke-555566666666')!.data?.terraform_remote_state).toBeUndefined();
    });
  });
});
