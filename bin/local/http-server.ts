/** A plain node:http server in front of the API Gateway adapter (and, for other paths, a fallback). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpProblem, problemResponse } from '../../functions/http/problem.ts';
import { negotiateLocale, withLocale } from '../../functions/i18n/locale.ts';
import { t } from '../../functions/i18n/messages.ts';
import type { LocalRequest, LocalResponse } from './api-gateway-adapter.ts';

/** API Gateway refuses payloads over 10 MB before any function runs; so does the local server. */
const GATEWAY_PAYLOAD_LIMIT = 10 * 1024 * 1024;

export type LocalRoute = (request: LocalRequest) => Promise<LocalResponse | undefined>;

export interface LocalHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(port: number, handle: LocalRoute, host = '127.0.0.1'): Promise<LocalHttpServer> {
  const server = createServer((req, res) => void serve(req, res, handle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, handle: LocalRoute): Promise<void> {
  const header = req.headers['accept-language'];
  return withLocale(negotiateLocale(Array.isArray(header) ? header.join(',') : header), () => serveIn(req, res, handle));
}

async function serveIn(req: IncomingMessage, res: ServerResponse, handle: LocalRoute): Promise<void> {
  let response: LocalResponse | undefined;
  try {
    const body = await readBody(req);
    if (body === 'too-large') {
      response = asResponse(new HttpProblem('payload-too-large', t('body.gatewayTooLarge', { limit: GATEWAY_PAYLOAD_LIMIT })));
    } else {
      response = await handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
      response ??= asResponse(new HttpProblem('not-found', t('notFound.path', { path: req.url ?? '/' })));
    }
  } catch (error) {
    console.error('local server: unhandled error', error);
    response = asResponse(new HttpProblem('internal', t('failure.localInternal')));
  }
  res.writeHead(response.statusCode, response.headers);
  res.end(response.body);
}

function asResponse(problem: HttpProblem): LocalResponse {
  const { statusCode, headers, body } = problemResponse(problem);
  return { statusCode, headers, body };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_PAYLOAD_LIMIT) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
