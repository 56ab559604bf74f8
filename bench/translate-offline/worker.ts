// Bench Worker for bench/translate-offline.mjs: translates the texts it is sent with the offline
// engine, exactly as the API would (createTranslator from the Worker's own configuration), and on
// GET /quality scores the engine on the sign-text tables of the tests.
import { createTranslator } from '../../src/translate';
import type { LanguageCode } from '../../src/languages';
import { FINAL_SIGN_TEXTS, FRESH_SIGN_TEXTS, HELD_OUT_SIGN_TEXTS, SIGN_TEXTS, UNSEEN_SIGN_TEXTS, type SignText } from '../../test/translate/offline-sign-texts';

export { AccountLimiter } from '../../src/limits/account-limiter';

/** Per language: how many texts came out as one of their accepted translations, and the ones that did not. */
async function score(env: Env, table: Partial<Record<LanguageCode, SignText[]>>) {
  const translator = createTranslator(env);
  const out: Record<string, { right: number; total: number; wrong: string[] }> = {};
  for (const [language, rows] of Object.entries(table) as [LanguageCode, SignText[]][]) {
    const { texts } = await translator.translate(rows.map(([text]) => ({ text })), language, 'en');
    const wrong = rows.flatMap(([text, accepted], i) => (accepted.includes(texts[i]) ? [] : [`${text} → ${texts[i]}`]));
    out[language] = { right: rows.length - wrong.length, total: rows.length, wrong };
  }
  return out;
}

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === '/quality') {
      return Response.json({ tuning: await score(env, SIGN_TEXTS), heldOut: await score(env, HELD_OUT_SIGN_TEXTS), unseen: await score(env, UNSEEN_SIGN_TEXTS), fresh: await score(env, FRESH_SIGN_TEXTS), final: await score(env, FINAL_SIGN_TEXTS) });
    }
    const { texts, source, target } = (await request.json()) as { texts: string[]; source: LanguageCode; target: LanguageCode };
    const result = await createTranslator(env).translate(texts.map((text) => ({ text })), source, target);
    return Response.json(result);
  },
} satisfies ExportedHandler<Env>;
