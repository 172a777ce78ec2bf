import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { callingModuleCorsHeaders } from './calling/module-cors.js';
import type { SandboxContext } from './context.js';
import type { TenantConfig } from './tenant-config.js';

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
 * consulted first and this is the last fallback. With a real tenant, the demo pages' sign-in
 * attributes are rewritten to point at it.
 */
export function registerStaticFiles(context: SandboxContext, tenant?: TenantConfig): void {
  const serve = (request: Request, pathname: string) => serveFile(context, request, pathname, tenant);
  context.router.add('GET', '/', (request) => serve(request, '/index.html'));
  // Browsers ask for /favicon.ico on pages without an icon link, such as the account picker.
  context.router.add('GET', '/favicon.ico', (request) => serve(request, '/favicon.svg'));
  for (let depth = 1; depth <= 6; depth++) {
    const pattern = Array.from({ length: depth }, (_, index) => `{s${index}}`).join('/');
    context.router.add('GET', `/${pattern}`, (request) => serve(request, new URL(request.url).pathname));
  }
}

/**
 * Points a demo page's `<teams-sign-in>` at a real tenant: its client id and authority, and no
 * Graph or calling module override, so the real Microsoft Graph and calling SDK are used.
 */
export function rewriteSignInAttributes(html: string, tenant: TenantConfig): string {
  return html.replace(/<teams-sign-in\b[^>]*>/g, (tag) =>
    tag
      .replace(/\sclient-id="[^"]*"/, ` client-id="${escapeAttribute(tenant.clientId)}"`)
      .replace(/\sauthority="[^"]*"/, ` authority="${escapeAttribute(tenant.authority)}"`)
      .replace(/\s+graph-base-url="[^"]*"/, '')
      .replace(/\s+calling-module="[^"]*"/, ''),
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function serveFile(context: SandboxContext, request: Request, pathname: string, tenant: TenantConfig | undefined): Promise<Response> {
  const mount = mounts.find((candidate) => pathname.startsWith(candidate.prefix));
  if (mount === undefined) return notFound(context, request, pathname);

  const base = join(repositoryRoot, mount.folder);
  const relative = normalize(decodeURIComponent(pathname.slice(mount.prefix.length)));
  let file = join(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return notFound(context, request, pathname);

  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const bytes = await readFile(file);
    const body = tenant !== undefined && extname(file) === '.html' ? rewriteSignInAttributes(bytes.toString('utf8'), tenant) : new Uint8Array(bytes);
    return new Response(body, {
      headers: {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        // Pages of one's own on other loopback origins import the calling module from here.
        ...(mount.prefix === '/sandbox/' ? callingModuleCorsHeaders(request) : {}),
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
