/**
 * GET /docs — the OpenAPI document rendered for people by Swagger UI, served from our own static assets
 * (public/vendor, copied from swagger-ui-dist on install), so it works offline and loads nothing from elsewhere.
 */
import { Hono } from 'hono';
import type { AppEnv } from './context';

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>OCR Translate API</title>
  <link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
  <script>
    // validatorUrl: null keeps the viewer from sending the document's URL to validator.swagger.io.
    window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: true, validatorUrl: null });
  </script>
</body>
</html>`;

export const docsPage = new Hono<AppEnv>().get('/', (c) => {
  c.header('cache-control', 'public, max-age=300');
  return c.html(page);
});
