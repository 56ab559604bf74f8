import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../../src/webhooks/webhook-url';

describe('checkWebhookUrl', () => {
  const strict = { allowInsecureLocalhost: false };
  it.each(['https://hooks.example.com/x', 'https://api.customer.io:8443/hooks?a=1', 'https://xn--bcher-kva.ch/hook'])('accepts %s', (url) => {
    expect(checkWebhookUrl(url, strict).ok).toBe(true);
  });
  it.each([
    'http://hooks.example.com/x',
    'https://10.0.0.1/x',
    'https://2130706433/x',
    'https://0x7f.1/x',
    'https://[fe80::1]/x',
    'https://localhost/x',
    'https://api.localhost/x',
    'https://nas.local/x',
    'https://svc.internal/x',
    'https://router.home.arpa/x',
    'https://singlelabel/x',
    'https://docs.example/x',
    'ftp://example.com/x',
    'https://a:b@example.com/x',
    '',
  ])('refuses %s', (url) => {
    expect(checkWebhookUrl(url, strict).ok).toBe(false);
  });
  it('allows http://localhost only with the development setting', () => {
    expect(checkWebhookUrl('http://localhost:9000/hook', strict).ok).toBe(false);
    expect(checkWebhookUrl('http://localhost:9000/hook', { allowInsecureLocalhost: true }).ok).toBe(true);
    expect(checkWebhookUrl('http://example.com/hook', { allowInsecureLocalhost: true }).ok).toBe(false);
  });
});
