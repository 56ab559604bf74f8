/** Timestamps as stored and returned: ISO-8601 UTC with milliseconds (sortable as text). */
export function nowIso(date = new Date()): string {
  return date.toISOString();
}
