// An OpenAI-compatible endpoint against a fake built from the chat-completions contract (POST
// /chat/completions, Bearer key, messages in, choices[0].message.content out; 429 with code
// insufficient_quota means billing, other 429s are rate limits).
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from '../test-helpers';

const completion = (content: string) => json({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
const openaiAnswer = (call: RecordedCall) => {
  const { texts } = JSON.parse(call.body.messages[1].content);
  return completion(JSON.stringify({ translations: texts.map((t: string) => fakeTranslate(t, GERMAN_TO_ENGLISH)) }));
};

function openai(respond: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const fake = fakeFetch(respond);
  const translator = createTranslator(
    { TRANSLATION_ENGINE: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'https://llm.example.org/v1', OPENAI_MODEL: 'small-model' },
    { fetch: fake.fetch, clock: recordingClock().clock },
  );
  return { translator, calls: fake.calls };
}

describe('openai-compatible engine', () => {
  it('sends texts as JSON with tokens for protected spans and reads the JSON answer', async () => {
    const { translator, calls } = openai(openaiAnswer);
    const result = await translator.translate([{ text: 'Kontakt: @brand' }, { text: 'Ausgang' }], 'de', 'en');
    expect(result).toEqual({ texts: ['Contact: @brand', 'Exit'], engine: 'openai' });
    expect(calls[0].url.href).toBe('https://llm.example.org/v1/chat/completions');
    expect(calls[0].headers.get('authorization')).toBe('Bearer sk-test');
    expect(calls[0].body).toMatchObject({ model: 'small-model', temperature: 0, response_format: { type: 'json_object' } });
    expect(calls[0].body.messages[0].content).toContain('from German to English');
    expect(JSON.parse(calls[0].body.messages[1].content)).toEqual({ texts: ['Kontakt: ⟦0⟧', 'Ausgang'] });
  });

  it('tells the model which English or Portuguese to write', async () => {
    const fake = fakeFetch(openaiAnswer);
    const translator = createTranslator(
      { TRANSLATION_ENGINE: 'openai', OPENAI_API_KEY: 'sk-test', TRANSLATION_EN_VARIANT: 'en-US', TRANSLATION_PT_VARIANT: 'pt-BR' },
      { fetch: fake.fetch, clock: recordingClock().clock },
    );
    await translator.translate([{ text: 'Ausgang' }], 'de', 'en');
    await translator.translate([{ text: 'Ausgang' }], 'de', 'pt');
    expect(fake.calls[0].body.messages[0].content).toContain('from German to English (American English)');
    expect(fake.calls[1].body.messages[0].content).toContain('from German to Portuguese (Brazilian Portuguese)');
  });

  it('retries an answer with the wrong number of translations, then fails as invalid', async () => {
    const { translator, calls } = openai(() => completion(JSON.stringify({ translations: ['Exit'] })));
    const error = await translator.translate([{ text: 'Ausgang' }, { text: 'Tür' }], 'de', 'en').catch((e) => e);
    expect(error).toMatchObject({ reason: 'invalid_response', engine: 'openai' });
    expect(calls).toHaveLength(4);
  });

  it('retries content that is not JSON and succeeds when the model recovers', async () => {
    const { translator } = openai((call, n) => (n === 1 ? completion('Sure! Here you go: Exit') : openaiAnswer(call)));
    expect((await translator.translate([{ text: 'Ausgang' }], 'de', 'en')).texts).toEqual(['Exit']);
  });

  it('re-translates piece by piece when the model drops a token', async () => {
    const { translator, calls } = openai((call, n) => (n === 1 ? completion(JSON.stringify({ translations: ['Contact:'] })) : openaiAnswer(call)));
    expect((await translator.translate([{ text: 'Kontakt: @brand' }], 'de', 'en')).texts).toEqual(['Contact: @brand']);
    expect(JSON.parse(calls[1].body.messages[1].content)).toEqual({ texts: ['Kontakt:'] });
  });

  it('treats insufficient_quota as a rejection and rate limits as transient', async () => {
    const billing = openai(() => json({ error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, 429));
    await expect(billing.translator.translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected' });
    expect(billing.calls).toHaveLength(1);
    const limited = openai((call, n) => (n === 1 ? json({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, 429) : openaiAnswer(call)));
    expect((await limited.translator.translate([{ text: 'Tür' }], 'de', 'en')).texts).toEqual(['Door']);
  });
});
