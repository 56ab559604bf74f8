import { describe, expect, it } from 'vitest';
import { call, callJson } from '../helpers/api';

describe('OpenAPI document and docs page', () => {
  it('documents every endpoint of API.md with its errors', async () => {
    const res = await callJson('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /api/v1/keys',
        'GET /api/v1/keys',
        'DELETE /api/v1/keys/{id}',
        'GET /api/v1/languages',
        'POST /api/v1/translate-image',
        'POST /api/v1/batch/translate',
        'GET /api/v1/batch',
        'GET /api/v1/batch/{batch_id}',
        'POST /api/v1/batch/{batch_id}/cancel',
        'GET /api/v1/batch/{batch_id}/images/{image_id}',
        'GET /api/v1/webhook-secret',
        'POST /api/v1/webhook-secret/rotate',
      ].sort(),
    );
    const translate = res.body.paths['/api/v1/translate-image'].post;
    expect(Object.keys(translate.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '415', '422', '429']));
    expect(translate.requestBody.content['multipart/form-data'].schema).toBeDefined();
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('renders the document for people at /docs', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).toContain('/vendor/swagger-ui/swagger-ui-bundle.js');
  });
});
