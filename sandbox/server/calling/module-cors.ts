/**
 * CORS headers for the sandbox's calling module and its chunks at `/sandbox/`. A page on another
 * loopback origin, such as `http://localhost:8906`, may then import the module, as it may call the
 * sandbox's exchange endpoint. Browsers fetch module scripts in CORS mode and block the import
 * without these headers.
 */
import { isLoopbackOrigin } from '../loopback.js';

/**
 * Returns the headers that let the request's origin read the response: only for loopback origins,
 * because the sandbox is a development server and other sites have no business with it.
 */
export function callingModuleCorsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null || !isLoopbackOrigin(origin)) return { vary: 'origin' };
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}
