import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { readCustomMetadataRecords } from '../../../lib/customMetadataRecords';
import { FORCE_APP_DIR } from '../../src/cli';

/**
 * A local stand-in for an org's REST and Bulk API 2.0 endpoints on 127.0.0.1. Each test gives
 * the handler; the server records every request so tests can assert how many calls were made.
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  authorization: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

export type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeOrg {
  url: string;
  requests: FakeRequest[];
  connection(): Connection;
  close(): Promise<void>;
}

export const API = '/services/data/v62.0';

export async function startFakeOrg(handler: Handler): Promise<FakeOrg> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString('utf8'),
        authorization: req.headers.authorization ?? ''
      };
      requests.push(request);
      Promise.resolve(handler(request)).then(
        (response) => {
          const body = response.json !== undefined ? JSON.stringify(response.json) : (response.text ?? '');
          res.writeHead(response.status ?? 200, {
            'Content-Type': response.json !== undefined ? 'application/json' : 'text/csv',
            ...response.headers
          });
          res.end(body);
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        }
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    connection: () => new Connection({ instanceUrl: url, accessToken: 'token-1', version: '62.0' }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

/** The object named in `SELECT ... FROM X`. */
export function objectOf(soql: string): string {
  return /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '';
}

export const NO_WAIT = { retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 }, sleep: async () => undefined };
export const FAST_BULK = { pollIntervalMs: 1, maxRecordsPerPage: 50_000, timeoutMs: 10_000 };

/**
 * The answer to `SELECT ... FIELDS(CUSTOM) FROM <Type>__mdt`: the package's own settings records
 * as the REST API returns them, optionally changed (`change(type, record)` edits a record's
 * fields in place), or undefined for any other query.
 */
export function settingsRecordsResponse(
  request: FakeRequest,
  change: (type: string, record: Record<string, unknown>) => void = () => undefined
): FakeResponse | undefined {
  const type = /\bFROM\s+(\w+)__mdt\b/.exec(request.query.get('q') ?? '')?.[1];
  if (type === undefined) return undefined;
  const records = (readCustomMetadataRecords(FORCE_APP_DIR).get(type) ?? []).map((record) => {
    const json: Record<string, unknown> = {
      attributes: { type: `${type}__mdt` },
      DeveloperName: record.developerName,
      MasterLabel: record.label,
      ...record.values
    };
    change(type, json);
    return json;
  });
  return { json: { totalSize: records.length, done: true, records } };
}
