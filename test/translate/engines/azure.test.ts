// Azure Translator v3 against a fake built from its documented API (POST /translate?api-version=3.0
// &from&to&textType, Ocp-Apim-Subscription-Key/-Region headers, [{ Text }] in, [{ translations:
// [{ text, to }] }] out, errors as { error: { code, message } }).
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from '../test-helpers';

const azureAnswer = (call: RecordedCall) =>
  json(call.body.map((item: { Text: string }) => ({ translations: [{ text: fakeTranslate(item.Text, GERMAN_TO_ENGLISH), to: call.url.searchParams.get('to') }] })));

function azure(respond: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const fake = fakeFetch(respond);
  const time = recordingClock();
  const translator = createTranslator(
    { TRANSLATION_ENGINE: 'azure', AZURE_TRANSLATOR_KEY: 'a-key', AZURE_TRANSLATOR_REGION: 'westeurope' },
    { fetch: fake.fetch, clock: time.clock },
  );
  return { translator, calls: fake.calls, waits: time.waits };
}

describe('azure engine', () => {
  it('sends the documented request with key, region and language codes', async () => {
    const { translator, calls } = azure(azureAnswer);
    const result = await translator.translate([{ text: 'Ausgang' }, { text: 'Bitte' }], 'de', 'no');
    expect(result).toEqual({ texts: ['Exit', 'Please'], engine: 'azure' });
    const url = calls[0].url;
    expect(url.origin + url.pathname).toBe('https://api.cognitive.microsofttranslator.com/translate');
    expect(Object.fromEntries(url.searchParams)).toEqual({ 'api-version': '3.0', from: 'de', to: 'nb', textType: 'html' });
    expect(calls[0].headers.get('ocp-apim-subscription-key')).toBe('a-key');
    expect(calls[0].headers.get('ocp-apim-subscription-region')).toBe('westeurope');
    expect(calls[0].body).toEqual([{ Text: 'Ausgang' }, { Text: 'Bitte' }]);
  });

  it('asks for pt-pt by default and pt (Brazilian) when configured', async () => {
    const { translator, calls } = azure(azureAnswer);
    await translator.translate([{ text: 'Ausgang' }], 'de', 'pt');
    const brazil = fakeFetch(azureAnswer);
    await createTranslator({ TRANSLATION_ENGINE: 'azure', AZURE_TRANSLATOR_KEY: 'a', TRANSLATION_PT_VARIANT: 'pt-BR' }, { fetch: brazil.fetch, clock: recordingClock().clock })
      .translate([{ text: 'Ausgang' }], 'de', 'pt');
    expect([...calls, ...brazil.calls].map((c) => c.url.searchParams.get('to'))).toEqual(['pt-pt', 'pt']);
  });

  it('honours Retry-After on 429 and treats 403001 as a used-up quota', async () => {
    const busy = azure((call, n) => (n === 1 ? json({ error: { code: 429001, message: 'too many' } }, 429, { 'retry-after': '3' }) : azureAnswer(call)));
    expect((await busy.translator.translate([{ text: 'Tür' }], 'de', 'en')).texts).toEqual(['Door']);
    expect(busy.waits).toEqual([3000]);

    const quota = azure(() => json({ error: { code: 403001, message: 'free quota exceeded' } }, 403));
    await expect(quota.translator.translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected', retryable: false });
    expect(quota.calls).toHaveLength(1);
  });

  it('keeps a request under 1000 texts and 50,000 characters', async () => {
    const many = azure(azureAnswer);
    // Distinct texts without digits (numbers would travel as longer notranslate spans).
    const word = (i: number) => i.toString(26).replace(/\d/gu, (d) => 'qrstuvwxyz'[Number(d)]);
    await many.translator.translate(Array.from({ length: 1001 }, (_, i) => ({ text: `Tür ${word(i)}` })), 'de', 'en');
    expect(many.calls.map((c) => c.body.length)).toEqual([1000, 1]);
    const long = azure(azureAnswer);
    await long.translator.translate(Array.from({ length: 5 }, (_, i) => ({ text: `${'Tür '.repeat(2_500)}${word(i)}` })), 'de', 'en');
    expect(long.calls.map((c) => c.body.length)).toEqual([4, 1]);
    for (const call of long.calls) expect(call.body.reduce((n: number, item: { Text: string }) => n + item.Text.length, 0)).toBeLessThanOrEqual(50_000);
  });

  it('keeps protected spans in class="notranslate" spans', async () => {
    const { translator, calls } = azure(azureAnswer);
    const result = await translator.translate([{ text: 'Preis 12,50 € – 30% Rabatt' }], 'de', 'en');
    expect(calls[0].body[0].Text).toContain('class="notranslate" id="k0">12,50 €</span>');
    expect(result.texts[0]).toBe('Price 12,50 € – 30% Discount');
  });

  it('retries a server error and reports a count mismatch as invalid', async () => {
    const flaky = azure((call, n) => (n === 1 ? new Response('', { status: 500 }) : azureAnswer(call)));
    expect((await flaky.translator.translate([{ text: 'Tür' }], 'de', 'en')).texts).toEqual(['Door']);
    const short = azure(() => json([]));
    await expect(short.translator.translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'invalid_response' });
  });
});
