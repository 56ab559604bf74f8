import { expect, it } from 'vitest';
import { callJson, createTestAccount } from '../helpers/api';

it('lists the 11 supported languages', async () => {
  const { key } = await createTestAccount();
  const res = await callJson('/api/v1/languages', { key });
  expect(res.status).toBe(200);
  expect(res.body.languages.map((l: { code: string }) => l.code)).toEqual(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi']);
  expect(res.body.languages[1]).toEqual({ code: 'de', name: 'German' });
});
