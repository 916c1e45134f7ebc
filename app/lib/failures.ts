// How a route words a service's failure codes. Not a .server module: routes build their tables at module level, and
// that code also runs in the browser bundle (where a .server import is empty).

/** A failure a service reported, as the route answers it: the status, the message key and the field it belongs to. */
export type Failure = { status: number; message: string; field?: string };

/**
 * A route's table from a service's failure codes to replies: the codes it words its own way, and how it answers every
 * other code.
 */
export function failureTable<Code extends string>(
  table: Partial<Record<Code, Failure>>,
  otherwise: (code: Code) => Failure,
): (code: Code) => Failure {
  return (code) => table[code] ?? otherwise(code);
}
