import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { call, callJson } from '../helpers/api';

/** `METHOD /path` of every operation in the document, with Hono's `:param` / `*` written as OpenAPI does. */
async function documentedOperations(): Promise<Map<string, Record<string, any>>> {
  const doc = (await callJson('/api/v1/openapi.json')).body;
  return new Map(
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
    ),
  );
}

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
        'GET /files/{key}',
      ].sort(),
    );
    const translate = res.body.paths['/api/v1/translate-image'].post;
    expect(Object.keys(translate.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '415', '422', '429']));
    expect(translate.requestBody.content['multipart/form-data'].schema).toBeDefined();
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('documents every route the app serves', async () => {
    const documented = await documentedOperations();
    // The document and the page that renders it are the only routes it does not describe.
    const selfDescribing = new Set(['GET /api/v1/openapi.json', 'GET /docs']);
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:([a-z_]+)/g, '{$1}').replace(/\/\*$/, '/{key}')}`)
        .filter((op) => !selfDescribing.has(op)),
    );
    expect(served.size).toBeGreaterThanOrEqual(13);
    for (const op of served) expect(documented.has(op), `${op} is missing from the OpenAPI document`).toBe(true);
    expect([...documented.keys()].filter((op) => !served.has(op))).toEqual([]);
  });

  it.each([
    ['POST /api/v1/keys', ['201', '400', '401', '413', '500']],
    ['GET /api/v1/keys', ['200', '401', '500']],
    ['DELETE /api/v1/keys/{id}', ['204', '401', '404', '500']],
    ['GET /api/v1/languages', ['200', '401', '500']],
    ['POST /api/v1/batch/translate', ['201', '400', '401', '409', '413', '415', '422', '429', '500', '503']],
    ['GET /api/v1/batch', ['200', '400', '401', '500', '503']],
    ['GET /api/v1/batch/{batch_id}', ['200', '401', '404', '500', '503']],
    ['POST /api/v1/batch/{batch_id}/cancel', ['200', '401', '404', '409', '500', '503']],
    ['GET /api/v1/batch/{batch_id}/images/{image_id}', ['200', '401', '404', '500', '503']],
    ['GET /api/v1/webhook-secret', ['200', '401', '500', '503']],
    ['POST /api/v1/webhook-secret/rotate', ['200', '401', '500', '503']],
    ['GET /files/{key}', ['200', '206', '304', '403', '404', '412', '416', '500', '503']],
  ])('%s documents the answers it can give', async (op, statuses) => {
    const operation = (await documentedOperations()).get(op)!;
    expect(Object.keys(operation.responses).sort()).toEqual([...statuses].sort());
    for (const status of statuses.filter((s) => Number(s) >= 400)) {
      expect(operation.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    }
    expect(operation.security).toEqual(op.startsWith('GET /files') ? [] : [{ bearerAuth: [] }]);
  });

  it('renders the document for people at /docs', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).toContain('/vendor/swagger-ui/swagger-ui-bundle.js');
    expect(html).toContain('validatorUrl: null');
  });

  it('needs nothing from the network: the viewer is served from our own assets', async () => {
    const html = await (await call('/docs')).text();
    expect(html.match(/(?:src|href)="[^"]+"/g)?.every((attr) => attr.includes('="/vendor/'))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/vendor/swagger-ui/swagger-ui-bundle.js', '/vendor/swagger-ui/swagger-ui.css']) {
      const res = await env.ASSETS.fetch(new URL(asset, 'https://assets.local'));
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(10_000);
    }
  });
});
