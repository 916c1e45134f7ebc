// Answers thrown from loaders and actions that every layer above the domain may need (not a .server module: the URL
// parsers in ./validation use it and are bundled for the browser too).

/** The page does not exist for this user (or at all: the two are not told apart). Thrown from loaders and actions. */
export function notFound(): Response {
  return new Response('not found', { status: 404 });
}
