import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { accountLimiter } from '../../src/limits/account-limiter';

describe('AccountLimiter', () => {
  it('grants exactly 3 of 10 parallel batch slot requests', async () => {
    const limiter = accountLimiter(env, 'acct_parallel');
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.acquireBatchSlot(`batch_${i}`, 3)));
    expect(decisions.filter((d) => d.granted)).toHaveLength(3);
    expect(await limiter.activeBatchSlots()).toHaveLength(3);
  });

  it('frees a slot on release and treats a repeated acquire as the same slot', async () => {
    const limiter = accountLimiter(env, 'acct_release');
    for (const id of ['a', 'b', 'c']) expect((await limiter.acquireBatchSlot(id, 3)).granted).toBe(true);
    expect((await limiter.acquireBatchSlot('a', 3)).granted).toBe(true);
    const refused = await limiter.acquireBatchSlot('d', 3);
    expect(refused).toMatchObject({ granted: false, retryAfterSeconds: expect.any(Number) });
    await limiter.releaseBatchSlot('b');
    expect((await limiter.acquireBatchSlot('d', 3)).granted).toBe(true);
  });

  it('keeps accounts apart', async () => {
    for (const id of ['x', 'y', 'z']) await accountLimiter(env, 'acct_full').acquireBatchSlot(id, 3);
    expect((await accountLimiter(env, 'acct_other').acquireBatchSlot('x', 3)).granted).toBe(true);
  });

  it('drops stale slots of batches that are no longer unfinished', async () => {
    const limiter = accountLimiter(env, 'acct_reconcile');
    await limiter.acquireBatchSlot('live', 3);
    await limiter.acquireBatchSlot('lost', 3);
    expect(await limiter.reconcileBatchSlots(['live'], 0)).toEqual(['lost']);
    expect(await limiter.activeBatchSlots()).toEqual(['live']);
  });

  it('allows a burst of the per-minute limit and then asks to wait', async () => {
    const limiter = accountLimiter(env, 'acct_rate');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.takeRateToken('translate', 5));
    expect(results.slice(0, 5).every((r) => r.allowed)).toBe(true);
    expect(results[5]).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect((results[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await limiter.takeRateToken('other-endpoint', 5)).allowed).toBe(true);
  });
});
