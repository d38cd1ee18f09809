/**
 * Swagger 2.0 fields that teams carry into OpenAPI 3.0 documents (hand conversions, old exports). The official
 * schema only says "unknown field"; these say where the content belongs in OpenAPI 3.0.
 */
export interface Leftover {
  /** Where the content lives in OpenAPI 3.0. */
  readonly what: string;
  readonly fix: string;
}

type Path = readonly (string | number)[];

const LEFTOVERS: readonly { readonly matches: (path: Path) => boolean; readonly leftover: Leftover }[] = [
  {
    matches: (path) => path.length === 1 && path[0] === 'securityDefinitions',
    leftover: {
      what: 'security schemes live under components.securitySchemes',
      fix: 'move every entry of securityDefinitions to components.securitySchemes (`import --fix` moves them)',
    },
  },
  {
    matches: (path) => path.length === 1 && path[0] === 'definitions',
    leftover: {
      what: 'schemas live under components.schemas',
      fix: 'move every entry of definitions to components.schemas and change each $ref "#/definitions/<name>" to "#/components/schemas/<name>"',
    },
  },
  {
    matches: (path) => path.length === 1 && ['host', 'basePath', 'schemes'].includes(String(path[0])),
    leftover: {
      what: 'the server lives in servers[].url, and the platform serves the API on its own domains under basePath from service.yaml',
      fix: 'delete it',
    },
  },
  {
    matches: (path) => ['produces', 'consumes'].includes(String(path[path.length - 1])) && (path.length === 1 || path[0] === 'paths'),
    leftover: {
      what: 'media types are the keys of content (requestBody.content.<type>, responses.<code>.content.<type>)',
      fix: 'delete it and list the media types under content of the request body and responses',
    },
  },
  {
    matches: (path) =>
      path.length >= 3 && path[path.length - 3] === 'headers' && ['type', 'format', 'items', 'enum', 'default'].includes(String(path[path.length - 1])),
    leftover: {
      what: "a header's type (and format, items, enum, default) goes into its schema",
      fix: 'replace `type: <t>` with `schema: { type: <t> }` (`import --fix` moves it)',
    },
  },
  {
    matches: (path) =>
      path.length >= 3 && path[path.length - 3] === 'parameters' && ['type', 'format', 'items', 'enum', 'default'].includes(String(path[path.length - 1])),
    leftover: {
      what: "a parameter's type, format, items, enum and default go into its schema",
      fix: 'move them under `schema:` of the parameter, e.g. `schema: { type: string }`',
    },
  },
  {
    matches: (path) => path.length >= 3 && path[path.length - 3] === 'responses' && path[path.length - 1] === 'schema',
    leftover: {
      what: "a response's schema goes under content.<media type>.schema",
      fix: 'replace `schema: …` with `content: { application/json: { schema: … } }`',
    },
  },
  {
    matches: (path) => path.length === 1 && ['parameters', 'responses'].includes(String(path[0])),
    leftover: {
      what: 'shared parameters and responses live under components',
      fix: 'move the entries to components.parameters / components.responses and change their $refs to "#/components/…"',
    },
  },
];

/** The Swagger 2.0 leftover at `path` (the unknown field itself), if it is one. */
export function swagger2Leftover(path: Path): Leftover | undefined {
  return LEFTOVERS.find(({ matches }) => matches(path))?.leftover;
}
