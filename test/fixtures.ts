/**
 * Fixture images for tests. Vite inlines them as data URLs at transform time, because code running in
 * workerd cannot read the file system.
 */
import deCartoon from './fixtures/real/de_cartoon_halten_sie.jpg?inline';
import enNotice from './fixtures/real/en_notice_double_parking.jpg?inline';
import frSigns from './fixtures/real/fr_paris_direction_signs.jpg?inline';
import eurotext from './fixtures/real/multi_eurotext_scan.png?inline';
import svSettings from './fixtures/real/sv_medtimer_settings.png?inline';

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const fixtures = {
  deCartoon: () => bytesOf(deCartoon),
  enNotice: () => bytesOf(enNotice),
  frSigns: () => bytesOf(frSigns),
  eurotext: () => bytesOf(eurotext),
  svSettings: () => bytesOf(svSettings),
};
