/**
 * Messages on the jobs queue. Validated with zod on the way in, because a queue outlives deployments:
 * a consumer may meet messages written by an older or newer version of the Worker.
 */
import { z } from 'zod';

export const JobMessageSchema = z.discriminatedUnion('type', [
  /** Run OCR and text removal once for one image of a batch, then fan out one render per language. */
  z.object({ type: z.literal('ocr_image'), accountId: z.string(), batchId: z.string(), imageId: z.string() }),
]);

export type JobMessage = z.infer<typeof JobMessageSchema>;
