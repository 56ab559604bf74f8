/** /api/v1/keys — create, list and revoke the account's API keys (the product's "Settings → API Keys"). */
import { createRoute, z } from '@hono/zod-openapi';
import { insertApiKey, listApiKeys, revokeApiKey } from '../db/api-keys';
import { nowIso } from '../db/time';
import { generateApiKey } from '../security/api-key-format';
import { newId } from '../security/random';
import { ApiError } from './errors';
import { createApiApp, errorResponses } from './openapi-app';
import { TimestampSchema } from './schemas/common';

const KeySchema = z
  .object({
    id: z.string().openapi({ example: 'key_8Hq2LmPz0aXbYc3d' }),
    name: z.string().openapi({ example: 'ci' }),
    prefix: z.string().openapi({ example: 'ocrt_a1B2c3D4e5F6', description: 'The visible start of the key.' }),
    created_at: TimestampSchema,
    last_used_at: TimestampSchema.nullable(),
    revoked_at: TimestampSchema.nullable(),
  })
  .openapi('ApiKey');

const CreatedKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    key: z.string().openapi({ description: 'The secret key. Shown only in this response: store it now.' }),
    created_at: TimestampSchema,
  })
  .openapi('CreatedApiKey');

const CreateKeyBody = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters').openapi({ example: 'ci' }),
});

const security = [{ bearerAuth: [] }];

export const keysApi = createApiApp()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['API keys'],
      summary: 'Create an API key',
      security,
      request: { body: { content: { 'application/json': { schema: CreateKeyBody } }, required: true } },
      responses: {
        201: { description: 'The new key; `key` is never shown again.', content: { 'application/json': { schema: CreatedKeySchema } } },
        ...errorResponses(400, 413),
      },
    }),
    async (c) => {
      const { name } = c.req.valid('json');
      const generated = await generateApiKey();
      const record = { id: newId('key'), accountId: c.get('accountId'), name, prefix: generated.prefix, keyHash: generated.hash, createdAt: nowIso() };
      await insertApiKey(c.env.DB, record);
      return c.json({ id: record.id, name, prefix: record.prefix, key: generated.key, created_at: record.createdAt }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['API keys'],
      summary: "List the account's API keys",
      security,
      responses: {
        200: { description: 'Every key of the account, newest first, revoked ones included.', content: { 'application/json': { schema: z.object({ keys: z.array(KeySchema) }) } } },
        ...errorResponses(),
      },
    }),
    async (c) => {
      const keys = await listApiKeys(c.env.DB, c.get('accountId'));
      return c.json(
        {
          keys: keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, created_at: k.createdAt, last_used_at: k.lastUsedAt, revoked_at: k.revokedAt })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['API keys'],
      summary: 'Revoke an API key',
      description: 'The key stops working at once. Revoking an already revoked key succeeds again.',
      security,
      request: { params: z.object({ id: z.string().openapi({ example: 'key_8Hq2LmPz0aXbYc3d' }) }) },
      responses: { 204: { description: 'Revoked.' }, ...errorResponses(404) },
    }),
    async (c) => {
      const revoked = await revokeApiKey(c.env.DB, c.get('accountId'), c.req.valid('param').id);
      if (!revoked) throw new ApiError('not_found', 'No API key with this id.');
      return c.body(null, 204);
    },
  );
