// Workers AI through a test binding with the AI binding's `run` contract for @cf/meta/m2m100-1.2b:
// run(model, { text, source_lang, target_lang }) resolves { translated_text } or throws an error
// whose message carries Workers AI's internal code (3040 out of capacity, 3036 daily allocation).
import { describe, expect, it } from 'vitest';
import { createTranslator, type AiBinding } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeTranslate, recordingClock } from '../test-helpers';

function testBinding(fail: (call: number) => Error | undefined = () => undefined) {
  const calls: { model: string; inputs: Record<string, unknown> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const ai: AiBinding = {
    async run(model, inputs) {
      calls.push({ model, inputs });
      const error = fail(calls.length);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      if (error) throw error;
      return { translated_text: fakeTranslate(String(inputs.text), GERMAN_TO_ENGLISH) };
    },
  };
  return { ai, calls, maxInFlight: () => maxInFlight };
}

const translatorFor = (ai: AiBinding) => createTranslator({ TRANSLATION_ENGINE: 'workers-ai', AI: ai }, { clock: recordingClock().clock });

describe('workers-ai engine', () => {
  it('calls m2m100 once per distinct text with ISO codes, at most six at a time', async () => {
    const binding = testBinding();
    const items = Array.from({ length: 20 }, (_, i) => ({ text: `Ausgang ${i % 15}` }));
    const result = await translatorFor(binding.ai).translate(items, 'de', 'no');
    expect(result.engine).toBe('workers-ai');
    expect(result.texts[16]).toBe('Exit 1');
    expect(binding.calls).toHaveLength(15);
    expect(binding.calls[0]).toEqual({ model: '@cf/meta/m2m100-1.2b', inputs: { text: 'Ausgang 0', source_lang: 'de', target_lang: 'no' } });
    expect(binding.maxInFlight()).toBe(6);
  });

  it('retries capacity errors and gives up on a used-up daily allocation', async () => {
    const busy = testBinding((n) => (n === 1 ? new Error('3040: Capacity temporarily exceeded, please try again.') : undefined));
    expect((await translatorFor(busy.ai).translate([{ text: 'Tür' }], 'de', 'en')).texts).toEqual(['Door']);
    expect(busy.calls).toHaveLength(2);

    const spent = testBinding(() => new Error('AiError: 3036: You have used up your daily free allocation of 10,000 neurons.'));
    await expect(translatorFor(spent.ai).translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected', engine: 'workers-ai' });
    expect(spent.calls).toHaveLength(1);
  });

  it('keeps an excluded word the model would have translated', async () => {
    const binding = testBinding();
    const result = await translatorFor(binding.ai).translate([{ text: 'Brand Notausgang', keep: [{ start: 0, end: 5 }] }], 'de', 'en');
    expect(result.texts).toEqual(['Brand Emergency exit']);
    expect(binding.calls.map((c) => c.inputs.text)).toEqual(['Brand Notausgang', 'Notausgang']);
  });

  it('rejects an answer without translated_text as invalid', async () => {
    const ai: AiBinding = { run: async () => ({ request_id: 'async-1' }) };
    await expect(translatorFor(ai).translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'invalid_response' });
  });
});
