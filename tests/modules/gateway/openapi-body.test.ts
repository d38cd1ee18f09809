import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { renderOpenApiBody } from '../../../modules/gateway/openapi-body';

describe('renderOpenApiBody', () => {
  const document = {
    paths: {
      '/payments': {
        get: {
          'x-amazon-apigateway-integration': { connectionId: '${vpc_link_id}', uri: 'https://${stageVariables.backendHost}/payments' },
        },
      },
    },
  };

  it('fills known placeholders with the given values', () => {
    const body = JSON.parse(renderOpenApiBody(document, { vpc_link_id: '${aws_api_gateway_vpc_link.payments.id}' }));
    expect(body.paths['/payments'].get['x-amazon-apigateway-integration'].connectionId).toBe('${aws_api_gateway_vpc_link.payments.id}');
  });

  it('escapes API Gateway variables so Terraform writes them literally', () => {
    const body = JSON.parse(renderOpenApiBody(document, { vpc_link_id: 'abc123' }));
    expect(body.paths['/payments'].get['x-amazon-apigateway-integration'].uri).toBe('https://$${stageVariables.backendHost}/payments');
  });

  it('escapes every API Gateway variable, including several in one string', () => {
    const body = JSON.parse(renderOpenApiBody({ a: '${context.requestId}-${stageVariables.x}', b: ['${request.path.id}'] }, {}));
    expect(body).toEqual({ a: '$${context.requestId}-$${stageVariables.x}', b: ['$${request.path.id}'] });
  });

  it('never escapes a cdktf token, so it resolves to a Terraform reference and not to its text', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const role = new TerraformVariable(stack, 'role', { type: 'string' });
    const scheme = { 'x-amazon-apigateway-authorizer': { authorizerCredentials: role.stringValue, authorizerUri: `arn:${role.stringValue}/invocations` } };
    new TerraformOutput(stack, 'body', { value: renderOpenApiBody({ components: { securitySchemes: { gatewayAuthorizer: scheme } } }, {}) });
    const body = JSON.parse(JSON.parse(Testing.synth(stack)).output.body.value);
    expect(body.components.securitySchemes.gatewayAuthorizer['x-amazon-apigateway-authorizer']).toEqual({
      authorizerCredentials: '${var.role}',
      authorizerUri: 'arn:${var.role}/invocations',
    });
  });

  it('fails on an interpolation that is neither a placeholder nor an API Gateway variable, naming where it is', () => {
    expect(() => renderOpenApiBody({ info: { description: 'in ${AWS::Region}' } }, { vpc_link_id: 'x' })).toThrow(
      '#/info/description: "${AWS::Region}" is neither a placeholder (${vpc_link_id}) nor an API Gateway variable such as ${stageVariables.backendHost}',
    );
  });

  it('leaves strings without interpolation and non-string values alone', () => {
    expect(JSON.parse(renderOpenApiBody({ a: 'plain $ text {x}', n: 3, t: true, z: null }, {}))).toEqual({ a: 'plain $ text {x}', n: 3, t: true, z: null });
  });
});
