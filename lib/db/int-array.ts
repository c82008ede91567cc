/**
 * An int array as PostgreSQL's array literal, for a `$n::int[]` parameter: one native join,
 * where the driver's own conversion escapes element by element (measured on bulk ingest: about
 * 1 µs a comment less).
 */
export function intArrayLiteral(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}
