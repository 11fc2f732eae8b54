// Parsed JSON as the format code sees it before the schema: objects are string-keyed records.

export type JsonObject = Record<string, unknown>;

/** a JSON object (not null, not a list) */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
