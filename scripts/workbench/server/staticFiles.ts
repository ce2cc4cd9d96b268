import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Serves files from a directory, never outside it. */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

export function serveFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
  cache: 'immutable' | 'no-cache'
): boolean {
  let relativePath: string;
  try {
    relativePath = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return false;
  }
  const file = join(root, relativePath);
  if (
    !(file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)) ||
    !existsSync(file) ||
    !statSync(file).isFile()
  )
    return false;
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff'
  });
  createReadStream(file).pipe(response);
  return true;
}
