/** Typed queries for `webhook_deliveries`: one delivery per finished batch that asked for a webhook. */
export type WebhookStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

export interface WebhookDeliverySummary {
  id: string;
  status: WebhookStatus;
  attempts: number;
  lastStatusCode: number | null;
}

export async function findWebhookDeliveryForBatch(db: D1Database, batchId: string): Promise<WebhookDeliverySummary | null> {
  const row = await db
    .prepare('SELECT id, status, attempts, last_status_code FROM webhook_deliveries WHERE batch_id = ?')
    .bind(batchId)
    .first<{ id: string; status: WebhookStatus; attempts: number; last_status_code: number | null }>();
  return row ? { id: row.id, status: row.status, attempts: row.attempts, lastStatusCode: row.last_status_code } : null;
}
