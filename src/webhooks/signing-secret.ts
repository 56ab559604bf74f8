/**
 * The account's webhook signing secret (`whsec_` + base64 of 32 random bytes, the Standard Webhooks
 * form). Created on first use, stored sealed with DATA_ENCRYPTION_KEY, replaced by rotation.
 */
import { getSealedWebhookSecret, replaceSealedWebhookSecret, setSealedWebhookSecretIfMissing } from '../db/accounts';
import { toBase64 } from '../security/encoding';
import { randomBytes } from '../security/random';
import { openSecret, sealSecret } from '../security/secret-box';

function newSigningSecret(): string {
  return `whsec_${toBase64(randomBytes(32))}`;
}

/** The account's current secret, creating one the first time it is asked for. */
export async function getWebhookSecret(db: D1Database, encryptionKey: string, accountId: string): Promise<string> {
  const sealed = await getSealedWebhookSecret(db, accountId);
  if (sealed) return openSecret(sealed, encryptionKey);
  // Two first requests may race: the conditional update keeps whichever sealed secret landed first.
  const stored = await setSealedWebhookSecretIfMissing(db, accountId, await sealSecret(newSigningSecret(), encryptionKey));
  return openSecret(stored, encryptionKey);
}

/** Replaces the account's secret; webhooks sent from now on are signed with the new one. */
export async function rotateWebhookSecret(db: D1Database, encryptionKey: string, accountId: string): Promise<string> {
  const secret = newSigningSecret();
  await replaceSealedWebhookSecret(db, accountId, await sealSecret(secret, encryptionKey));
  return secret;
}
