import { cdktfErrors, plannedChanges } from '../../../tools/e2e/terraform-steps';

/** The report names stack and address: these read them from what cdktf and terraform print. */
describe('reading cdktf and terraform output', () => {
  it('names the address and summary of every error cdktf deploy prints', () => {
    const output = [
      'dev-spoke-555566666666  ╷',
      '                        │ Error: creating EC2 Transit Gateway VPC Attachment: operation error EC2: CreateTransitGatewayVpcAttachment, api error InvalidTransitGatewayID.NotFound',
      '                        │ ',
      '                        │   with aws_ec2_transit_gateway_vpc_attachment.Backend_Attachment_46686878,',
      '                        │   on cdk.tf.json line 93, in resource.aws_ec2_transit_gateway_vpc_attachment.Backend_Attachment_46686878:',
      '                        │   93:       }',
      '                        │ ',
      '                        ╵',
      'dev-spoke-555566666666  ╷',
      '                        │ Error: Could not retrieve providers for locking',
      '                        │ ',
      '                        │ Terraform failed to fetch the requested providers',
      '                        ╵',
    ].join('\n');
    expect(cdktfErrors(output, '')).toEqual([
      'aws_ec2_transit_gateway_vpc_attachment.Backend_Attachment_46686878: creating EC2 Transit Gateway VPC Attachment: operation error EC2: CreateTransitGatewayVpcAttachment, api error InvalidTransitGatewayID.NotFound',
      'Could not retrieve providers for locking: Terraform failed to fetch the requested providers',
    ]);
  });

  it('still reports a failed deploy that printed no terraform error', () => {
    expect(cdktfErrors('', 'Error: non-zero exit code 1')).toEqual(['non-zero exit code 1']);
    expect(cdktfErrors('', 'something broke')).toEqual(['cdktf deploy failed: something broke']);
  });

  it('lists the resources a plan would change, with the action', () => {
    const plan = [
      '  # aws_route53_zone.ConsumerAccess_Zone-retail-app_1ABB17BB will be updated in-place',
      '  ~ resource "aws_route53_zone" "ConsumerAccess_Zone-retail-app_1ABB17BB" {',
      '        id                  = "C3963KEE12AQEGDZN83XRG"',
      '      ~ tags                = {',
      '          + "Name" = "x"',
      '      + vpc {',
      '          + vpc_id     = "vpc-0c1b2c3d4e5f60010"',
      '  # data.aws_iam_policy_document.Invoke will be read during apply',
      '      + json = (known after apply)',
      '  # terraform_data.PlantedPerpetualDiff must be replaced',
    ].join('\n');
    expect(plannedChanges(plan)).toEqual([
      { address: 'aws_route53_zone.ConsumerAccess_Zone-retail-app_1ABB17BB', action: 'will be updated in-place', attributes: ['tags', 'vpc'] },
      { address: 'terraform_data.PlantedPerpetualDiff', action: 'must be replaced', attributes: [] },
    ]);
  });
});
