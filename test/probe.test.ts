import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { fixtures } from './fixtures';
it('decodes', async () => {
  const bytes = fixtures.eurotext();
  const r = await exports.default.fetch('http://x/api/v1/probe', { method: 'POST', body: bytes });
  expect(await r.json()).toEqual({ w: 1024, h: 800 });
});
