/** GET /v1/health — liveness, no auth, no table access. */
import { httpHandler } from '../http/http-handler.ts';

export const handler = httpHandler({ public: true }, async () => ({
  body: { status: 'ok', service: 'carestock', time: new Date().toISOString() },
}));
