// Bench Worker for bench/translate-offline.mjs: translates the texts it is sent with the offline
// engine, exactly as the API would (createTranslator from the Worker's own configuration).
import { createTranslator } from '../../src/translate';
import type { LanguageCode } from '../../src/languages';

export { AccountLimiter } from '../../src/limits/account-limiter';

export default {
  async fetch(request, env) {
    const { texts, source, target } = (await request.json()) as { texts: string[]; source: LanguageCode; target: LanguageCode };
    const result = await createTranslator(env).translate(texts.map((text) => ({ text })), source, target);
    return Response.json(result);
  },
} satisfies ExportedHandler<Env>;
