import { block, stringList, type Attributes } from '../../values';

/**
 * Endpoint types of a REST API or domain name: `undefined` when they are an expression; `['EDGE']`
 * when no endpoint_configuration is given (the API Gateway default).
 */
export function endpointTypes(values: Attributes): string[] | undefined {
  const configuration = block(values.endpoint_configuration);
  if (!configuration) return ['EDGE'];
  return stringList(configuration.types);
}

export function isPrivateEndpoint(values: Attributes): boolean {
  return endpointTypes(values)?.includes('PRIVATE') === true;
}
