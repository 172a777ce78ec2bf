import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { SandboxContext } from './context.js';

const repositoryRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** URL prefixes and the folders they serve, most specific first. */
const mounts: ReadonlyArray<{ prefix: string; folder: string }> = [
  { prefix: '/dist/', folder: 'dist' },
  { prefix: '/sandbox/', folder: 'build/sandbox' },
  { prefix: '/', folder: 'demo' },
];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the demo pages at `/`, the kit's bundles at `/dist/` and the sandbox's browser modules
 * at `/sandbox/`. Routes registered by the emulators take precedence, because the router is
 * consulted first and this is the last fallback.
 */
export function registerStaticFiles(context: SandboxContext): void {
  context.router.add('GET', '/', (request) => serveFile(context, request, '/index.html'));
  for (let depth = 1; depth <= 6; depth++) {
    const pattern = Array.from({ length: depth }, (_, index) => `{s${index}}`).join('/');
    context.router.add('GET', `/${pattern}`, (request) => serveFile(context, request, new URL(request.url).pathname));
  }
}

async function serveFile(context: SandboxContext, request: Request, pathname: string): Promise<Response> {
  const mount = mounts.find((candidate) => pathname.startsWith(candidate.prefix));
  if (mount === undefined) return notFound(context, request, pathname);

  const base = join(repositoryRoot, mount.folder);
  const relative = normalize(decodeURIComponent(pathname.slice(mount.prefix.length)));
  let file = join(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return notFound(context, request, pathname);

  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      },
    });
  } catch {
    return notFound(context, request, pathname);
  }
}

function notFound(context: SandboxContext, request: Request, pathname: string): Response {
  context.log.rejected(request, 404, 'no such file');
  return new Response(`Not found: ${pathname}`, { status: 404, headers: { 'content-type': 'text/plain' } });
}
