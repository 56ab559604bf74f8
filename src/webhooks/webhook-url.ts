/**
 * Which webhook URLs we agree to call: https with a public host name. IP literals, localhost and
 * private-use names are refused so a batch cannot make the service probe internal networks. A
 * development setting (ALLOW_INSECURE_WEBHOOKS) additionally allows http://localhost for local testing.
 */

/** Special-use and private names that never resolve to a public host (RFC 6761, RFC 8375, common intranet suffixes). */
const NON_PUBLIC_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'home.arpa', 'test', 'invalid', 'example', 'onion', 'localdomain'];

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkWebhookUrl(input: string, options: { allowInsecureLocalhost: boolean }): WebhookUrlCheck {
  const text = input.trim();
  if (text.length > 2048) return { ok: false, message: 'webhook_url must be at most 2048 characters.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'webhook_url is not a valid URL.' };
  }
  if (url.username || url.password) return { ok: false, message: 'webhook_url must not contain credentials.' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const isLocalhost = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  if (options.allowInsecureLocalhost && isLocalhost && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return { ok: true, url: url.toString() };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'webhook_url must use https://.' };
  if (isIpLiteral(host)) return { ok: false, message: 'webhook_url must use a host name, not an IP address.' };
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) return { ok: false, message: 'webhook_url must use a public, fully qualified host name.' };
  if (NON_PUBLIC_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return { ok: false, message: `webhook_url host "${host}" is not a public host name.` };
  }
  if (!/^[a-z][a-z0-9-]*$|^xn--[a-z0-9-]+$/.test(labels[labels.length - 1])) {
    return { ok: false, message: 'webhook_url must use a public, fully qualified host name.' };
  }
  return { ok: true, url: url.toString() };
}

function isIpLiteral(host: string): boolean {
  if (host.startsWith('[')) return true; // IPv6 (the URL parser keeps the brackets)
  // The URL parser already normalises IPv4 forms such as 2130706433 or 0x7f.1 to dotted decimal.
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}
