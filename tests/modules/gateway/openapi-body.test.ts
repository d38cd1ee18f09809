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

  it('escapes every unknown interpolation, including several in one string', () => {
    const body = JSON.parse(renderOpenApiBody({ a: '${context.requestId}-${stageVariables.x}', b: ['${unknown}'] }, {}));
    expect(body).toEqual({ a: '$${context.requestId}-$${stageVariables.x}', b: ['$${unknown}'] });
  });

  it('leaves strings without interpolation and non-string values alone', () => {
    expect(JSON.parse(renderOpenApiBody({ a: 'plain $ text {x}', n: 3, t: true, z: null }, {}))).toEqual({ a: 'plain $ text {x}', n: 3, t: true, z: null });
  });
});
