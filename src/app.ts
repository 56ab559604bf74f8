/**
 * The HTTP application: middleware shared by every route, then one sub-app per resource. Everything
 * under /api/v1 needs an API key except the OpenAPI document; /files is authorised by URL signatures.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { batchesApi } from './api/batches';
import type { AppEnv } from './api/context';
import { docsPage } from './api/docs';
import { ApiError, errorResponse, rethrowAsError } from './api/errors';
import { filesApi } from './api/files';
import { keysApi } from './api/keys';
import { languagesApi } from './api/languages';
import { MAX_JSON_BODY_BYTES } from './api/limits';
import { requestId } from './api/request-id';
import { requireApiKey } from './api/auth';
import { translateImageApi } from './api/translate-image';
import { webhookSecretApi } from './api/webhook-secret';

export const OPENAPI_PATH = '/api/v1/openapi.json';

export const app = new OpenAPIHono<AppEnv>();

app.use('*', requestId);
app.use('*', rethrowAsError);
app.use(
  '/api/*',
  cors({
    origin: '*',
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['x-request-id', 'Retry-After', 'Server-Timing', 'Location', 'Idempotent-Replayed'],
    maxAge: 600,
  }),
);
app.use('/api/v1/*', async (c, next) => (c.req.path === OPENAPI_PATH || c.req.method === 'OPTIONS' ? next() : requireApiKey(c, next)));
app.use(
  '/api/v1/keys',
  bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', `JSON bodies may be at most ${MAX_JSON_BODY_BYTES} bytes.`);
    },
  }),
);

app.route('/api/v1/keys', keysApi);
app.route('/api/v1/languages', languagesApi);
app.route('/api/v1/translate-image', translateImageApi);
app.route('/api/v1/batch', batchesApi);
app.route('/api/v1/webhook-secret', webhookSecretApi);
app.route('/files', filesApi);
app.route('/docs', docsPage);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  description: 'An API key (`ocrt_…`), created with `npm run key:create` or POST /api/v1/keys.',
});

app.doc31(OPENAPI_PATH, (c) => ({
  openapi: '3.1.0',
  info: {
    title: 'OCR Translate',
    version: '1.0.0',
    description: 'Find the text in an image, translate it, and paint the translation back into the picture.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: new URL(c.req.url).origin }],
}));

app.notFound((c) => errorResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}.`)));
app.onError((err, c) => errorResponse(c, err));
