/** A JSON object: not null, not an array. The one guard every parser of YAML, JSON and plan files here uses. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
