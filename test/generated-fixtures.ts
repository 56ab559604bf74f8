/**
 * Generated OCR fixtures (scripts/build-test-images.mjs): images with known text, inlined by Vite as
 * data URLs (code in workerd cannot read files), plus a decoder to the RgbaImage the pipeline takes.
 */
import { PhotonImage } from '@cf-wasm/photon';
import type { RgbaImage } from '../src/pipeline/types';
import daSign from './fixtures/generated/da_sign.png?inline';
import deDarkOnLight from './fixtures/generated/de_dark_on_light.png?inline';
import deScriptFont from './fixtures/generated/de_script_font.png?inline';
import enBilingualSign from './fixtures/generated/en_bilingual_sign.png?inline';
import enButtonOk from './fixtures/generated/en_button_ok.png?inline';
import enLowContrast from './fixtures/generated/en_low_contrast.png?inline';
import esColours from './fixtures/generated/es_colours.png?inline';
import fiRotated270 from './fixtures/generated/fi_rotated_270.png?inline';
import frLightOnDark from './fixtures/generated/fr_light_on_dark.png?inline';
import itMultiBlock from './fixtures/generated/it_multi_block.png?inline';
import nlRotated180 from './fixtures/generated/nl_rotated_180.png?inline';
import noNotice from './fixtures/generated/no_notice.png?inline';
import noText from './fixtures/generated/none_no_text.png?inline';
import ptRotated90 from './fixtures/generated/pt_rotated_90.png?inline';
import svSmallText from './fixtures/generated/sv_small_text.png?inline';
import helloProbe from './fixtures/hello-probe.png?inline';

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const urls = {
  daSign,
  deDarkOnLight,
  deScriptFont,
  enBilingualSign,
  enButtonOk,
  enLowContrast,
  esColours,
  fiRotated270,
  frLightOnDark,
  itMultiBlock,
  nlRotated180,
  noNotice,
  noText,
  ptRotated90,
  svSmallText,
  helloProbe,
};

export type GeneratedFixture = keyof typeof urls;

/** The encoded bytes of a generated fixture. */
export function generatedBytes(name: GeneratedFixture): Uint8Array {
  return bytesOf(urls[name]);
}

/** Decodes image bytes to straight RGBA with photon. */
export function decode(bytes: Uint8Array): RgbaImage {
  const image = PhotonImage.new_from_byteslice(bytes);
  try {
    return { width: image.get_width(), height: image.get_height(), data: image.get_raw_pixels() };
  } finally {
    image.free();
  }
}

/** A generated fixture decoded to RGBA. */
export function generatedImage(name: GeneratedFixture): RgbaImage {
  return decode(generatedBytes(name));
}
