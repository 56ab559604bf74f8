/**
 * Measures pipeline stages for the Server-Timing header and the structured request log. Stages may
 * repeat (e.g. several encodes); their durations add up. Translation runs while the text is removed, so
 * `translate` overlaps `inpaint` and `encode`: the stages need not sum to the total.
 */
export const STAGES = ['queue', 'cache', 'decode', 'ocr', 'mask', 'translate', 'inpaint', 'render', 'encode', 'store'] as const;
export type Stage = (typeof STAGES)[number];

export class StageTimer {
  private readonly totals = new Map<Stage, number>();

  /** Times `work` under `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  add(stage: Stage, ms: number): void {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + ms);
  }

  /** Milliseconds per stage, rounded, in pipeline order. */
  toJSON(): Partial<Record<Stage, number>> {
    return Object.fromEntries(STAGES.filter((s) => this.totals.has(s)).map((s) => [s, Math.round(this.totals.get(s)!)]));
  }

  /** `decode;dur=12, ocr;dur=340, …` */
  serverTiming(): string {
    return STAGES.filter((s) => this.totals.has(s))
      .map((s) => `${s};dur=${this.totals.get(s)!.toFixed(1)}`)
      .join(', ');
  }
}
