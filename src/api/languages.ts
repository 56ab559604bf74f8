/** /api/v1/languages — the languages images can be translated from and to. */
import { createRoute, z } from '@hono/zod-openapi';
import { LANGUAGES } from '../languages';
import { createApiApp, errorResponses } from './openapi-app';

const LanguagesSchema = z
  .object({ languages: z.array(z.object({ code: z.string().openapi({ example: 'de' }), name: z.string().openapi({ example: 'German' }) })) })
  .openapi('Languages');

export const languagesApi = createApiApp().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Languages'],
    summary: 'List supported languages (extension)',
    security: [{ bearerAuth: [] }],
    responses: { 200: { description: 'Supported languages.', content: { 'application/json': { schema: LanguagesSchema } } }, ...errorResponses() },
  }),
  (c) => c.json({ languages: LANGUAGES.map(({ code, name }) => ({ code, name })) }, 200),
);
