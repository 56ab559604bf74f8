/**
 * The form fields of the two upload endpoints, as zod schemas. Handlers parse multipart themselves
 * (streaming, see ../multipart.ts) and validate the collected fields with these; the OpenAPI document
 * describes the same objects.
 */
import { z } from '@hono/zod-openapi';
import { MAX_EXCLUDE_PATTERNS, MAX_EXCLUDE_TEXT_CHARS, MAX_IMAGES_PER_BATCH, MAX_LANGUAGES_PER_BATCH } from '../limits';
import { ImageFileSchema, LanguageCodeSchema, OutputFormatSchema } from './common';

export const ExcludeTextSchema = z
  .string()
  .max(MAX_EXCLUDE_TEXT_CHARS, `exclude_text must be at most ${MAX_EXCLUDE_TEXT_CHARS} characters`)
  .refine((v) => v.split(',').filter((p) => p.trim()).length <= MAX_EXCLUDE_PATTERNS, `exclude_text may hold at most ${MAX_EXCLUDE_PATTERNS} patterns`)
  .transform((v) => (v.split(',').some((p) => p.trim()) ? v : undefined))
  .optional()
  .openapi({
    type: 'string',
    description: 'Comma-separated patterns whose text is kept as it is (case-insensitive whole words or phrases; `*` matches any run of characters).',
    example: 'BRAND,@handle',
  });

/** Text fields of POST /translate-image. */
export const TranslateImageFieldsSchema = z.object({
  target_lang: LanguageCodeSchema,
  source_lang: LanguageCodeSchema.optional(),
  exclude_text: ExcludeTextSchema,
  output_format: OutputFormatSchema.optional(),
});

export const TranslateImageFormSchema = TranslateImageFieldsSchema.extend({ image: ImageFileSchema }).openapi('TranslateImageForm');

/** Text fields of POST /batch/translate (`target_languages` collected from every `target_languages[]` part). */
export const BatchFieldsSchema = z.object({
  target_languages: z
    .array(LanguageCodeSchema)
    .min(1, 'target_languages[] needs at least one language')
    .transform((codes) => [...new Set(codes)])
    .refine((codes) => codes.length <= MAX_LANGUAGES_PER_BATCH, `at most ${MAX_LANGUAGES_PER_BATCH} different target languages per batch`),
  source_lang: LanguageCodeSchema.optional(),
  exclude_text: ExcludeTextSchema,
  output_format: OutputFormatSchema.optional(),
  webhook_url: z.string().optional().openapi({ description: 'https:// URL with a public host name, called when the batch finishes.' }),
});

export const BatchFormSchema = z
  .object({
    'images[]': z.array(ImageFileSchema).min(1).max(MAX_IMAGES_PER_BATCH).openapi({ description: `1 to ${MAX_IMAGES_PER_BATCH} image files.` }),
    'target_languages[]': z.array(LanguageCodeSchema).min(1).openapi({ description: `1 to ${MAX_LANGUAGES_PER_BATCH} language codes; duplicates ignored.` }),
    source_lang: LanguageCodeSchema.optional(),
    exclude_text: ExcludeTextSchema,
    output_format: OutputFormatSchema.optional(),
    webhook_url: z.string().optional().openapi({ format: 'uri' }),
  })
  .openapi('BatchTranslateForm');

export const BatchListQuerySchema = z.object({
  page: z
    .string()
    .regex(/^\d+$/, 'page must be a positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1, 'page must be at least 1').max(1_000_000))
    .optional()
    .openapi({ type: 'integer', minimum: 1, default: 1 }),
  limit: z
    .string()
    .regex(/^\d+$/, 'limit must be an integer from 1 to 100')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(100, 'limit must be at most 100'))
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: 100, default: 20 }),
});
