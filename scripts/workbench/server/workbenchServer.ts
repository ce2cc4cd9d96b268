import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { AdapterContext } from '../adapter/adapterContext';
import { runOperation } from '../adapter/operationRegistry';
import { RequestError } from '../adapter/requestError';
import { getRecordOperation, listOpportunities, updateRecordOperation } from '../adapter/uiRecordOperations';
import { serveFile } from './staticFiles';

/**
 * The workbench's HTTP server, on 127.0.0.1 only: the compiled app, SLDS, static resources,
 * and `POST /api/<Class>.<method>` for the operations. Every refusal is a 4xx with a JSON
 * `{ message }`, which the apex transport turns into the error shape components display.
 */

export interface ServerOptions {
  ctx: AdapterContext;
  webDir: string;
  root: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

const WORKBENCH_OPERATIONS: Readonly<Record<string, (ctx: AdapterContext, body: unknown) => unknown>> = {
  'ui/getRecord': getRecordOperation,
  'ui/updateRecord': updateRecordOperation,
  'workbench/opportunities': listOpportunities
};

export function startWorkbenchServer(options: ServerOptions): Promise<RunningServer> {
  const sldsDir = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
  const resourcesDir = join(options.root, 'force-app', 'main', 'default', 'staticresources');
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) =>
      sendJson(response, 500, { message: (error as Error).message })
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return api(url.pathname.slice('/api/'.length), request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, { message: 'Only GET here.' });
    if (
      url.pathname.startsWith('/slds/') &&
      serveFile(sldsDir, url.pathname.slice('/slds'.length), response, 'immutable')
    )
      return;
    if (
      url.pathname.startsWith('/resource/') &&
      serveResource(resourcesDir, url.pathname.slice('/resource/'.length), response)
    )
      return;
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    if (serveFile(options.webDir, path, response, path.startsWith('/chunks/') ? 'immutable' : 'no-cache'))
      return;
    sendJson(response, 404, { message: `Not found: ${url.pathname}` });
  }

  async function api(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST')
      return sendJson(response, 405, { message: 'Operations are called with POST and a JSON body.' });
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, { message: 'Send the request as application/json.' });
    }
    let body: unknown;
    try {
      const text = await readBody(request);
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      return sendJson(response, error instanceof RequestError ? error.status : 400, {
        message: error instanceof RequestError ? error.message : 'The request body is not valid JSON.'
      });
    }
    try {
      const local = Object.hasOwn(WORKBENCH_OPERATIONS, name) ? WORKBENCH_OPERATIONS[name] : undefined;
      const result = local ? local(options.ctx, body) : runOperation(options.ctx, name, body);
      sendJson(response, 200, result ?? null);
    } catch (error) {
      if (error instanceof RequestError) return sendJson(response, error.status, { message: error.message });
      // Anything else is a bug in the workbench: say so, with the reason, as an unhandled Apex exception would.
      console.error(`[workbench] ${name} failed:`, error);
      sendJson(response, 500, { message: `Internal error in ${name}: ${(error as Error).message}` });
    }
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, port, close: () => closeServer(server) });
    });
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new RequestError(422, 'The request body is larger than 1 MB.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(payload);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text)
  });
  response.end(text);
}

/** `/resource/<name>`: a static resource of the package, whatever its file extension. */
function serveResource(dir: string, name: string, response: ServerResponse): boolean {
  if (!/^\w+$/.test(name)) return false;
  for (const extension of ['.json', '.js', '.css', '.png', '.svg', '.resource']) {
    if (serveFile(dir, `${name}${extension}`, response, 'no-cache')) return true;
  }
  return false;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
