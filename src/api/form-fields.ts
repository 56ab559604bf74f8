/** Validates collected multipart text fields with a zod schema, throwing the API's 400 on failure. */
import type { z } from 'zod';
import { ApiError, detailsFromZod } from './errors';

export function validateFields<S extends z.ZodType>(schema: S, fields: unknown): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const details = detailsFromZod(parsed.error);
  const first = details[0];
  throw new ApiError('invalid_request', first ? `${first.field ? `${first.field}: ` : ''}${first.message}` : 'The form is invalid.', details);
}
