/**
 * The fonts translations are drawn with: Noto Sans Regular and Bold, subset to the Latin our languages
 * need (built by scripts/build-fonts.mjs; sources, ranges and licence in ./fonts/). They are bundled
 * into the script as Data modules (wrangler.toml `[[rules]]`), ~32 KB each, so drawing never waits on
 * a fetch. Each font's metrics are parsed once per isolate, on first use.
 */
import boldBytes from './fonts/noto-sans-bold.ttf';
import regularBytes from './fonts/noto-sans-regular.ttf';
import { parseFontFile, type FontFile } from './font-file';

/** The family name inside both files, which the SVG asks for. */
export const FONT_FAMILY = 'Noto Sans';

export interface Font {
  /** The TrueType bytes handed to resvg. */
  bytes: Uint8Array;
  metrics: FontFile;
  /** CSS font-weight of this face. */
  weight: 400 | 700;
}

let regular: Font | undefined;
let bold: Font | undefined;

/** Noto Sans Bold when `isBold`, else Regular. */
export function fontFor(isBold: boolean): Font {
  if (isBold) return (bold ??= load(boldBytes, 700));
  return (regular ??= load(regularBytes, 400));
}

function load(data: ArrayBuffer, weight: 400 | 700): Font {
  const bytes = new Uint8Array(data);
  return { bytes, metrics: parseFontFile(bytes), weight };
}
