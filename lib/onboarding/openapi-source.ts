import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document, isMap } from 'yaml';
import type { ConfigProblem } from '../config/problems';
import { parseYaml } from '../config/source-file';
import type { JsonObject } from '../openapi/document';
import { OnboardingError } from './onboarding-error';
import { convertSwagger2 } from './swagger-conversion';

/** An OpenAPI document to import: its YAML text (the original bytes for a YAML file) and its content. */
export interface OpenApiSource {
  readonly yaml: string;
  readonly document: JsonObject;
  /** The file as it was read, so problems can point at its lines (JSON parses as YAML, with positions). */
  readonly originalText: string;
  /** What converting Swagger 2.0 changed; absent for an OpenAPI 3.0 file. */
  readonly conversion?: readonly string[];
}

/**
 * Reads an OpenAPI document to import (JSON or YAML). A YAML file is kept byte for byte so edits can be spliced
 * into it; a JSON file becomes block-style YAML with the same content and key order. Refuses anything that is
 * not an OpenAPI 3.0 or Swagger 2.0 document, saying what to do (Swagger 2.0 is converted by loadOpenApiSource).
 */
export function readOpenApiSource(file: string, shown = file): OpenApiSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? `file not found (looked at ${file})` : code === 'EISDIR' ? `${file} is a directory, not a file` : String(error);
    throw refuse(shown, [
      {
        file: shown,
        path: [],
        message: reason,
        fix: 'pass the path of an OpenAPI 3.0 or Swagger 2.0 document (.yaml, .yml or .json); a relative path is read from the directory you ran the command in',
      },
    ]);
  }
  const document = path.extname(file).toLowerCase() === '.json' ? fromJson(text, shown) : fromYaml(text, shown);
  checkVersion(document, shown);
  const yaml = path.extname(file).toLowerCase() === '.json' ? document.toString({ lineWidth: 0 }) : text;
  return { yaml, document: document.toJS() as JsonObject, originalText: text };
}

/**
 * readOpenApiSource, then a Swagger 2.0 document is converted to OpenAPI 3.0 (swagger2openapi) and written as YAML;
 * `conversion` lists what changed. The converted document goes through the same checks as an OpenAPI 3.0 file.
 */
export async function loadOpenApiSource(file: string, shown = file): Promise<OpenApiSource> {
  const source = readOpenApiSource(file, shown);
  if (!isSwagger2(source.document.swagger)) return source;
  const { document, summary } = await convertSwagger2(source.document, shown);
  const converted = new Document(document);
  checkVersion(converted, shown);
  return { yaml: converted.toString({ lineWidth: 0 }), document, originalText: source.originalText, conversion: summary };
}

/** `swagger: "2.0"`, or `swagger: 2.0` which YAML reads as a number. */
function isSwagger2(value: unknown): boolean {
  return value === '2.0' || value === 2;
}

function fromJson(text: string, file: string): Document {
  try {
    return new Document(JSON.parse(text));
  } catch (error) {
    throw refuse(file, [
      { file, path: [], message: `invalid JSON: ${(error as Error).message}`, fix: 'fix the JSON syntax (a linter or `jq . <file>` shows where)' },
    ]);
  }
}

function fromYaml(text: string, file: string): Document {
  const { document, problems } = parseYaml(text, file);
  if (problems.length > 0) throw refuse(file, problems);
  return document;
}

function checkVersion(document: Document, file: string): void {
  if (!isMap(document.contents)) {
    throw refuse(file, [
      {
        file,
        path: [],
        message: 'the file is not an OpenAPI document (no top-level mapping)',
        fix: 'pass an OpenAPI 3.0 document with openapi, info and paths',
      },
    ]);
  }
  const swagger = document.get('swagger');
  if (isSwagger2(swagger)) return;
  if (swagger !== undefined) {
    throw refuse(file, [
      {
        file,
        path: ['swagger'],
        pathStyle: 'json-pointer',
        message: `this is a Swagger ${String(swagger)} document; the platform imports OpenAPI 3.0 and converts Swagger 2.0`,
        fix: 'write it as Swagger 2.0 or OpenAPI 3.0',
      },
    ]);
  }
  const version = document.get('openapi');
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) {
    throw refuse(file, [
      {
        file,
        path: ['openapi'],
        pathStyle: 'json-pointer',
        message: version === undefined ? 'no "openapi" version field' : `OpenAPI ${JSON.stringify(version)} is not supported; API Gateway imports OpenAPI 3.0`,
        fix: version === undefined ? 'pass an OpenAPI 3.0 document (it starts with openapi: 3.0.x)' : 'write the document as OpenAPI 3.0.x (openapi: 3.0.3)',
      },
    ]);
  }
  if (!isMap(document.get('paths'))) {
    throw refuse(file, [
      {
        file,
        path: ['paths'],
        pathStyle: 'json-pointer',
        message: 'the document has no paths',
        fix: 'add the paths of the API; a REST API needs at least one operation',
      },
    ]);
  }
}

function refuse(file: string, problems: ConfigProblem[]): OnboardingError {
  return new OnboardingError(`Cannot import ${file}; nothing was changed.`, problems);
}
