// Row ids are uuids: anything else is "not found" (or no actor) before it reaches the database.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: unknown): id is string {
  return typeof id === 'string' && uuidPattern.test(id);
}
