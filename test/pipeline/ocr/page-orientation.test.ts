import { describe, expect, it } from 'vitest';
import type { LineReading } from '../../../src/pipeline/ocr/line-recognition';
import { evidence, extenderLean } from '../../../src/pipeline/ocr/page-orientation';
import type { LineCandidate } from '../../../src/pipeline/ocr/text-detection';
import type { Box } from '../../../src/pipeline/types';

const reading = (text: string, confidence: number): LineReading => ({
  words: text.split(' ').map((t) => ({ text: t, confidence, box: { x: 0, y: 0, width: 10, height: 10 } })),
  confidence,
});

describe('evidence a line gives about the orientation', () => {
  it('counts a line that reads confidently one way and clearly worse the other', () => {
    expect(evidence(reading('Frische Blumen', 0.9), reading('uəɯnl8 əɥɔsiɹɟ', 0.2))).toBeGreaterThan(0);
    expect(evidence(reading('pun uəqəɓ', 0.15), reading('Und geben', 0.88))).toBeLessThan(0);
  });

  it('weighs a line by the letters it yields', () => {
    const short = evidence(reading('Ja', 0.9), reading('ɐſ', 0.1));
    const long = evidence(reading('Willkommen zu Hause', 0.9), reading('x', 0.1));
    expect(long).toBeGreaterThan(short);
  });

  it('lets candidates that are not text abstain, even when they read a little better upside down', () => {
    // A picket fence: nothing either way, the upside-down reading merely less bad.
    expect(evidence(reading('iimiis', 0), reading('Bull', 0.41))).toBe(0);
    expect(evidence(reading('an]', 0.53), reading('ijjil', 0.6))).toBe(0);
  });
});

/**
 * A line of letter boxes as detection finds them, drawn from a word in lower case: x-height letters sit
 * in the band y 10..20, ascenders (and capitals) rise to 4, descenders hang to 26. Upside down, the
 * page is mirrored top to bottom, so ascenders hang and descenders rise.
 */
function lineOf(text: string, upsideDown = false): LineCandidate {
  const rising = new Set('bdfhklt'.split(''));
  const hanging = new Set('gjpqy'.split(''));
  const parts: Box[] = [...text].filter((c) => c !== ' ').map((c, i) => {
    const upright = /[A-Z]/.test(c) || rising.has(c) ? { top: 4, bottom: 20 } : hanging.has(c) ? { top: 10, bottom: 26 } : { top: 10, bottom: 20 };
    const { top, bottom } = upsideDown ? { top: 30 - upright.bottom, bottom: 30 - upright.top } : upright;
    return { x: i * 9, y: top, width: 8, height: bottom - top };
  });
  const box = { x: 0, y: 4, width: parts.length * 9, height: 22 };
  return { box, polarity: 'dark', charHeight: 10, inkLevel: 0, paperLevel: 255, inkThreshold: 128, characters: parts.length, parts };
}

describe('the lean of the letters, before anything is read', () => {
  const words = ['Welcome to our new shop', 'Fresh bread every morning', 'Open seven days a week'];

  it('rises for upright lower-case type and hangs for the same type upside down', () => {
    expect(extenderLean(words.map((w) => lineOf(w)))).toBe(1);
    expect(extenderLean(words.map((w) => lineOf(w, true)))).toBe(-1);
  });

  it('has no opinion on capitals only, or on too few letters', () => {
    expect(extenderLean([lineOf('OPEN DAILY'), lineOf('FREE ENTRY', true)])).toBe(0);
    expect(extenderLean([lineOf('ty')])).toBe(0);
    expect(extenderLean([])).toBe(0);
  });
});
