import { convertObj } from 'swagger2openapi';
import { isObject, type JsonObject } from '../openapi/document';
import { OnboardingError } from './onboarding-error';

/** A Swagger 2.0 document converted to OpenAPI 3.0, and what the conversion changed, one line per kind of change. */
export interface Swagger2Conversion {
  readonly document: JsonObject;
  readonly summary: readonly string[];
}

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/**
 * Converts a Swagger 2.0 document with swagger2openapi (the converter behind the OpenAPI tooling of Mermade, used by
 * Redocly and others), without resolving or fetching anything: `$ref`s are rewritten, not followed. `patch` lets it
 * repair the small mistakes it knows (a missing `info.version`, …), which the summary then lists too. Everything it
 * does not understand, including every `x-amazon-apigateway-*` extension, is carried over as it was.
 */
export async function convertSwagger2(document: JsonObject, file: string): Promise<Swagger2Conversion> {
  // YAML reads `swagger: 2.0` as the number 2; the converter insists on the string.
  const input = structuredClone({ ...document, swagger: '2.0' });
  let converted: JsonObject;
  try {
    const result = (await convertObj(input as never, { patch: true, warnOnly: true, resolveInternal: false } as never)) as unknown as { openapi: JsonObject };
    converted = result.openapi;
  } catch (error) {
    throw new OnboardingError(`Cannot import ${file}; nothing was changed.`, [
      {
        file,
        path: [],
        message: `the Swagger 2.0 document could not be converted to OpenAPI 3.0: ${(error as Error).message}`,
        fix: 'correct the Swagger document where the message says (https://swagger.io/specification/v2/), then import again',
      },
    ]);
  }
  return { document: converted, summary: summarize(document, converted) };
}

/** What changed, counted on the Swagger side so each line says where the content went. */
function summarize(before: JsonObject, after: JsonObject): string[] {
  const lines = [`swagger: ${JSON.stringify(before.swagger)} became openapi: ${String(after.openapi)}`];
  const count = (value: unknown) => (isObject(value) ? Object.keys(value).length : 0);
  if (count(before.definitions) > 0)
    lines.push(`definitions (${count(before.definitions)}) moved to components.schemas; $refs "#/definitions/…" now point there`);
  if (count(before.securityDefinitions) > 0) lines.push(`securityDefinitions (${count(before.securityDefinitions)}) moved to components.securitySchemes`);
  if (count(before.parameters) > 0) lines.push(`parameters (${count(before.parameters)}) moved to components.parameters or components.requestBodies`);
  if (count(before.responses) > 0) lines.push(`responses (${count(before.responses)}) moved to components.responses`);
  const servers = Array.isArray(after.servers) ? after.servers.map((server) => (isObject(server) ? String(server.url) : '')).filter(Boolean) : [];
  const origin = ['host', 'basePath', 'schemes'].filter((key) => before[key] !== undefined);
  if (origin.length > 0)
    lines.push(`${origin.join(', ')} became servers ${servers.length > 0 ? servers.join(', ') : '(none)'} (the platform serves the API on its own domains)`);

  let bodies = 0;
  let forms = 0;
  let responseSchemas = 0;
  let typedParameters = 0;
  let mediaTypes = 0;
  for (const item of Object.values(isObject(before.paths) ? before.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of OPERATION_KEYS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
      if (parameters.some((parameter) => isObject(parameter) && parameter.in === 'body')) bodies++;
      if (parameters.some((parameter) => isObject(parameter) && parameter.in === 'formData')) forms++;
      typedParameters += parameters.filter((parameter) => isObject(parameter) && parameter.in !== 'body' && parameter.type !== undefined).length;
      if (operation.produces !== undefined || operation.consumes !== undefined) mediaTypes++;
      for (const response of Object.values(isObject(operation.responses) ? operation.responses : {}))
        if (isObject(response) && response.schema !== undefined) responseSchemas++;
    }
  }
  if (bodies > 0) lines.push(`body parameters of ${bodies} operation${bodies === 1 ? '' : 's'} became requestBody`);
  if (forms > 0) lines.push(`formData parameters of ${forms} operation${forms === 1 ? '' : 's'} became requestBody (form media types)`);
  if (typedParameters > 0) lines.push(`type/format of ${typedParameters} parameter${typedParameters === 1 ? '' : 's'} moved into schema`);
  if (responseSchemas > 0) lines.push(`${responseSchemas} response schema${responseSchemas === 1 ? '' : 's'} moved under content.<media type>.schema`);
  if (mediaTypes > 0 || before.produces !== undefined || before.consumes !== undefined) lines.push('produces/consumes became the media types of content');
  const version = isObject(before.info) ? before.info.version : undefined;
  if (version === undefined && isObject(after.info) && after.info.version !== undefined)
    lines.push(`info.version was missing; the converter set ${JSON.stringify(after.info.version)}`);
  return lines;
}
