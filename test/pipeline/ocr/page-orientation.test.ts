import { describe, expect, it } from 'vitest';
import type { LineReading } from '../../../src/pipeline/ocr/line-recognition';
import { evidence } from '../../../src/pipeline/ocr/page-orientation';

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
