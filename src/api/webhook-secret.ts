/** /api/v1/webhook-secret — the secret that signs this account's webhooks (extension). */
import { createRoute, z } from '@hono/zod-openapi';
import { readConfig } from '../config';
import { getWebhookSecret, rotateWebhookSecret } from '../webhooks/signing-secret';
import { createApiApp, errorResponses } from './openapi-app';

const SecretSchema = z
  .object({ secret: z.string().openapi({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Standard Webhooks signing secret.' }) })
  .openapi('WebhookSecret');

const security = [{ bearerAuth: [] }];

export const webhookSecretApi = createApiApp()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Webhooks'],
      summary: 'Get the webhook signing secret (extension)',
      description: 'Created on first request. Verify `webhook-signature` headers with it.',
      security,
      responses: { 200: { description: 'The current secret.', content: { 'application/json': { schema: SecretSchema } } }, ...errorResponses(503) },
    }),
    async (c) => {
      const secret = await getWebhookSecret(c.env.DB, readConfig(c.env).DATA_ENCRYPTION_KEY, c.get('accountId'));
      c.header('cache-control', 'no-store');
      return c.json({ secret }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rotate',
      tags: ['Webhooks'],
      summary: 'Replace the webhook signing secret (extension)',
      security,
      responses: { 200: { description: 'The new secret, used for every webhook sent from now on.', content: { 'application/json': { schema: SecretSchema } } }, ...errorResponses(503) },
    }),
    async (c) => {
      const secret = await rotateWebhookSecret(c.env.DB, readConfig(c.env).DATA_ENCRYPTION_KEY, c.get('accountId'));
      c.header('cache-control', 'no-store');
      return c.json({ secret }, 200);
    },
  );
