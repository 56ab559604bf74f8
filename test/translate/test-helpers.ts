// Test-only tools for the translation tests: a recording fetch that answers as a provider would, and
// a clock that records waits instead of sleeping (so Retry-After and backoff can be checked).
import type { FetchLike } from '../../src/translate/http-call';
import type { Clock } from '../../src/translate/retry';

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Headers;
  body: any;
}

/** A fetch that records each request and answers with `respond(call, n)` (n counts from 1). */
export function fakeFetch(respond: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const call = { url: new URL(request.url), method: request.method, headers: request.headers, body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    return respond(call, calls.length);
  };
  return { fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A clock whose sleep returns at once and moves time forward. */
export function recordingClock(start = 1_700_000_000_000) {
  let now = start;
  const waits: number[] = [];
  const clock: Clock = {
    now: () => now,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  return { clock, waits, advance: (ms: number) => (now += ms) };
}

/**
 * A stand-in "translation" for fake providers: replaces known words (case kept for a capital
 * first letter) and leaves everything else, markup included, as it is.
 */
export function fakeTranslate(text: string, words: Record<string, string>): string {
  return text.replace(/<[^>]*>[^<]*<\/[^>]*>|<[^>]*>|⟦\d+⟧|[\p{L}]+/gu, (token) => {
    if (!/^[\p{L}]+$/u.test(token)) return token;
    const translated = words[token.toLowerCase()];
    if (!translated) return token;
    return token[0] === token[0].toUpperCase() ? translated[0].toUpperCase() + translated.slice(1) : translated;
  });
}

export const GERMAN_TO_ENGLISH: Record<string, string> = {
  ausgang: 'exit', notausgang: 'emergency exit', bitte: 'please', tür: 'door', schließen: 'close', preis: 'price',
  rabatt: 'discount', heute: 'today', besuchen: 'visit', sie: 'you', uns: 'us', auf: 'on', folgen: 'follow',
  geöffnet: 'open', von: 'from', bis: 'to', marke: 'brand', brand: 'fire', kontakt: 'contact', nur: 'only',
};
