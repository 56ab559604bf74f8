/**
 * zod schemas shared by several endpoints. The same objects validate requests and generate the
 * OpenAPI document (src/api/openapi.ts), so the docs cannot drift from what the code accepts.
 */
import { z } from '@hono/zod-openapi';
import { LANGUAGE_CODES, LANGUAGES } from '../../languages';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'target_lang: Unsupported language code "xx".' }),
      details: z
        .array(
          z
            .object({ field: z.string().optional(), code: z.string().optional(), message: z.string() })
            .catchall(z.unknown()),
        )
        .optional(),
    }),
  })
  .openapi('Error');

const languageList = LANGUAGES.map((l) => `\`${l.code}\` ${l.name}`).join(', ');

/** A language code; case and surrounding spaces are forgiven, anything else outside the list is refused. */
export const LanguageCodeSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.enum(LANGUAGE_CODES, {
      error: (issue) =>
        issue.input === undefined
          ? 'Required.'
          : `Unsupported language code ${JSON.stringify(issue.input)}; use one of ${LANGUAGE_CODES.join(', ')}.`,
    }),
  )
  .openapi({ type: 'string', enum: [...LANGUAGE_CODES], description: `One of ${languageList}.`, example: 'en' });

export const OutputFormatSchema = z
  .preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase().replace(/^jpg$/, 'jpeg') : value), z.enum(['png', 'jpeg', 'webp']))
  .openapi({ type: 'string', enum: ['png', 'jpeg', 'webp'], description: 'Format of the output images; default: the input\'s format.' });

export const BoundingBoxSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .openapi('BoundingBox', { description: 'Pixels of the original image, origin top-left.' });

export const RegionSchema = z
  .object({
    id: z.string().openapi({ example: 'region_1' }),
    original_text: z.string().openapi({ example: 'Willkommen' }),
    translated_text: z.string().openapi({ example: 'Welcome' }),
    confidence: z.number().min(0).max(1).openapi({ example: 0.97 }),
    bounding_box: BoundingBoxSchema,
    excluded: z.boolean().optional().openapi({ description: '(extension) True when exclude_text matched the whole region.' }),
    text_color: z.string().optional().openapi({ description: '(extension) Estimated text colour, #rrggbb.', example: '#1a1a1a' }),
    lines: z
      .array(z.object({ text: z.string(), bounding_box: BoundingBoxSchema }))
      .optional()
      .openapi({ description: '(extension) The lines of the region.' }),
  })
  .openapi('Region');

export const ImageFileSchema = z
  .any()
  .openapi({ type: 'string', format: 'binary', description: 'A JPEG, PNG or WebP file of at most 10 MB.' });

export const TimestampSchema = z.string().openapi({ format: 'date-time', example: '2026-02-22T10:00:00.000Z' });
