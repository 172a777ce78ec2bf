/** Path parameters captured by a route pattern such as `/chats/:chatId/messages`. */
export type RouteParams = Record<string, string>;

/** A sandbox route handler: web-standard in, web-standard out. */
export type RouteHandler = (request: Request, params: RouteParams) => Promise<Response> | Response;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/**
 * A small method-and-path router. Patterns are literal segments and `{name}` parameters. Braces
 * rather than `:name` because Communication Services paths contain literal colons, as in
 * `/teamsUser/:exchangeAccessToken`.
 */
export class Router {
  readonly #routes: Route[] = [];

  /** Adds a route; a `{name}` segment of `pattern` captures that path segment. */
  add(method: string, pattern: string, handler: RouteHandler): void {
    this.#routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
  }

  /**
   * Finds the handler for a request. Returns `undefined` when no pattern matches the path, and
   * a 405 handler when a pattern matches but not for this method.
   */
  match(method: string, pathname: string): { handler: RouteHandler; params: RouteParams } | undefined {
    const segments = splitPath(pathname);
    let pathMatched = false;

    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      pathMatched = true;
      if (route.method === method.toUpperCase() || (route.method === 'GET' && method === 'HEAD')) {
        return { handler: route.handler, params };
      }
    }

    if (!pathMatched) return undefined;
    return {
      params: {},
      handler: () =>
        Response.json(
          { error: { code: 'MethodNotAllowed', message: `${method} is not allowed on ${pathname}.` } },
          { status: 405 },
        ),
    };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], path: string[]): RouteParams | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: RouteParams = {};

  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!;
    const actual = decodeURIComponent(path[index]!);
    const parameter = /^\{(\w+)\}$/.exec(expected);
    if (parameter) {
      params[parameter[1]!] = actual;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
