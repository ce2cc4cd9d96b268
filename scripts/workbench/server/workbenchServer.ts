import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { callAura } from '../../org/aura/auraCall';
import type { JsonValue } from '../../org/interpret/serialize';
import { getRecord, UiApiError, updateRecord } from '../../org/uiApi/recordUi';
import type { DemoOrg } from '../db/demoOrg';
import { listOpportunities, runJob } from './demoActions';
import { SessionError, sessionUser, sessionView, signIn, type Session } from './session';
import { serveFile } from './staticFiles';

/**
 * The workbench's HTTP server, on 127.0.0.1 only. `POST /api/<Class>.<method>` runs the
 * package's own @AuraEnabled Apex in the local org runtime as the signed-in user; `ui/*` serves
 * lightning/uiRecordApi from the same org; `workbench/*` is the workbench itself (who is signed
 * in, the opportunity picker, running the scheduled jobs now). Every refusal is a 4xx JSON
 * `{ message }`, which the Apex transport turns into the error shape components display; the
 * governor-limit counts of each Apex call travel in the `X-Apex-Limits` header.
 */
export interface ServerOptions {
  org: DemoOrg;
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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

export function startWorkbenchServer(options: ServerOptions): Promise<RunningServer> {
  const sldsDir = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
  const resourcesDir = join(options.root, 'force-app', 'main', 'default', 'staticresources');
  const { org } = options;
  let port = 0;
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError || error instanceof SessionError)
        return sendJson(response, error.status, { message: error.message });
      console.error('[workbench] request failed:', error);
      sendJson(response, 500, { message: `Internal error of the workbench: ${(error as Error).message}` });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only this machine's loopback names: a page on another site cannot reach the server through DNS rebinding.
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return sendJson(response, 403, {
        message: `Host ${host || '(none)'} is not this workbench (127.0.0.1:${port}).`
      });
    let url: URL;
    try {
      url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      decodeURIComponent(url.pathname);
    } catch {
      return sendJson(response, 400, { message: 'Malformed URL.' });
    }
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
    const session: Session = sessionUser(org, request.headers.cookie);
    if (name === 'workbench/session' && request.method === 'GET')
      return sendJson(response, 200, sessionView(org, options.root, session.user));
    if (request.method !== 'POST')
      return sendJson(response, 405, { message: 'Operations are called with POST and a JSON body.' });
    if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
      return sendJson(response, 415, { message: 'Send the request as application/json.' });
    const body = await readJson(request);
    switch (name) {
      case 'workbench/session': {
        const user = signIn(org, body);
        return sendJson(response, 200, sessionView(org, options.root, user), {
          'Set-Cookie': `psms_user=${user.id}; Path=/; SameSite=Strict; HttpOnly`
        });
      }
      case 'workbench/opportunities':
        return sendJson(response, 200, listOpportunities(org, session.user.id, body));
      case 'workbench/runJob':
        return sendJson(response, 200, runJob(org, body));
      case 'ui/getRecord':
        return uiApi(response, () => {
          const fields =
            Array.isArray(body.fields) && body.fields.every((f) => typeof f === 'string')
              ? (body.fields as string[])
              : null;
          if (typeof body.recordId !== 'string' || !fields)
            throw new UiApiError(400, 'Send { recordId, fields: [names] }.');
          return getRecord(org.runtime, session.user.id, body.recordId, fields);
        });
      case 'ui/updateRecord':
        return uiApi(response, () => {
          if (!body.fields || typeof body.fields !== 'object' || Array.isArray(body.fields))
            throw new UiApiError(400, 'Send { fields: { Id, ... } }.');
          return updateRecord(org.runtime, session.user.id, body.fields as Record<string, JsonValue>);
        });
      default: {
        const outcome = callAura(org.runtime, session.user.id, name, body);
        const headers = {
          'X-Apex-Ms': String(outcome.ms),
          ...(outcome.limits ? { 'X-Apex-Limits': JSON.stringify(outcome.limits) } : {})
        };
        if (outcome.ok) return sendJson(response, 200, outcome.value ?? null, headers);
        return sendJson(
          response,
          outcome.status,
          { message: outcome.message, exceptionType: outcome.exceptionType, stackTrace: outcome.stackTrace },
          headers
        );
      }
    }
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({ url: `http://127.0.0.1:${port}/`, port, close: () => closeServer(server) });
    });
  });
}

function uiApi(response: ServerResponse, work: () => unknown): void {
  try {
    sendJson(response, 200, work());
  } catch (error) {
    if (error instanceof UiApiError) return sendJson(response, error.status, { message: error.message });
    throw error;
  }
}

function readJson(request: IncomingMessage): Promise<Record<string, JsonValue>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        refused = true;
        // Answer before the rest arrives: the client reads a 413, not a reset connection.
        reject(new HttpError(413, 'The request body is larger than 1 MB.'));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        const value: unknown = JSON.parse(text);
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          reject(new HttpError(400, 'The request body must be a JSON object.'));
        else resolve(value as Record<string, JsonValue>);
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
      }
    });
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {}
): void {
  if (response.headersSent) return;
  const text = JSON.stringify(payload);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers
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
