/**
 * Reading and validating the multipart form of POST /batch/translate as it streams in. Each good file
 * is handed to `keepImage` the moment it has been checked (so twenty 10 MB files never sit in memory
 * together), but only while the batch can still succeed: after the first bad file the rest are
 * checked and named, never kept. The caller decides what keeping means (storing in R2, or only
 * hashing when the request replays an Idempotency-Key).
 */
import { ApiError, type ErrorDetail } from '../api/errors';
import { validateFields } from '../api/form-fields';
import { MAX_FILE_BYTES, MAX_IMAGES_PER_BATCH, MULTIPART_OVERHEAD_BYTES } from '../api/limits';
import { readMultipart } from '../api/multipart';
import { BatchFieldsSchema } from '../api/schemas/requests';
import { checkImageFile } from '../api/uploads';
import type { LanguageCode } from '../languages';
import type { ImageProbe } from '../pipeline/image/probe';
import { checkWebhookUrl } from '../webhooks/webhook-url';
import { cleanFilename } from './filenames';

/** The largest batch body we read: twenty files at the limit plus room for the fields. */
export const MAX_BATCH_BODY_BYTES = MAX_IMAGES_PER_BATCH * MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;

/** One checked file, in request order (`position` 0 is `images[0]`). */
export interface ArrivedImage {
  position: number;
  bytes: Uint8Array;
  filename: string | null;
  probe: ImageProbe;
}

/** The validated form: options normalised (languages deduplicated, webhook URL checked) and the kept files. */
export interface BatchForm<T> {
  targetLanguages: LanguageCode[];
  sourceLang: LanguageCode | null;
  excludeText: string | null;
  outputFormat: ImageProbe['format'] | null;
  webhookUrl: string | null;
  /** What `keepImage` returned for each file, in request order. */
  images: T[];
}

/**
 * Reads the whole form and throws the first problem as an ApiError (every bad file named in
 * `details`). When it throws, whatever `keepImage` already kept is in `kept`, for the caller to undo.
 */
export async function readBatchForm<T>(
  request: Request,
  options: { allowInsecureWebhooks: boolean; keepImage: (image: ArrivedImage) => Promise<T>; kept: T[] },
): Promise<BatchForm<T>> {
  const fileErrors: ApiError[] = [];
  const fields: Record<string, string[]> = {};
  const otherFileFields = new Set<string>();
  let imageCount = 0;

  for await (const part of readMultipart(request, {
    maxFileBytes: MAX_FILE_BYTES,
    maxTotalBytes: MAX_BATCH_BODY_BYTES,
    maxParts: MAX_IMAGES_PER_BATCH + 40,
    describeOversizedPart: () => `images[${imageCount}]`,
  })) {
    const name = part.name.replace(/\[\d*\]$/, '');
    if (part.kind === 'field') {
      (fields[name] ??= []).push(part.value);
      continue;
    }
    if (name !== 'images') {
      otherFileFields.add(part.name);
      continue;
    }
    const field = `images[${imageCount}]`;
    imageCount += 1;
    if (imageCount > MAX_IMAGES_PER_BATCH) {
      throw new ApiError('invalid_request', `A batch holds at most ${MAX_IMAGES_PER_BATCH} images.`, [
        { field, code: 'too_many_images', message: `At most ${MAX_IMAGES_PER_BATCH} images per batch.` },
      ]);
    }
    const filename = cleanFilename(part.filename);
    const checked = checkImageFile(part.bytes, field, filename ?? undefined);
    if (!checked.ok) {
      fileErrors.push(checked.status);
      continue;
    }
    if (fileErrors.length > 0) continue; // the batch is already rejected: keep validating, stop keeping
    options.kept.push(await options.keepImage({ position: imageCount - 1, bytes: part.bytes, filename, probe: checked.image }));
  }

  const parsed = validateFields(BatchFieldsSchema, {
    target_languages: (fields.target_languages ?? []).flatMap((v) => v.split(',')).filter((v) => v.trim() !== ''),
    source_lang: last(fields.source_lang),
    exclude_text: last(fields.exclude_text),
    output_format: last(fields.output_format),
    webhook_url: last(fields.webhook_url),
  });
  if (imageCount === 0) throw noImages(fields, otherFileFields);
  if (fileErrors.length > 0) throw combineFileErrors(fileErrors);

  let webhookUrl: string | null = null;
  if (parsed.webhook_url !== undefined && parsed.webhook_url.trim() !== '') {
    const check = checkWebhookUrl(parsed.webhook_url, { allowInsecureLocalhost: options.allowInsecureWebhooks });
    if (!check.ok) throw new ApiError('invalid_request', check.message, [{ field: 'webhook_url', code: 'invalid_url', message: check.message }]);
    webhookUrl = check.url;
  }

  return {
    targetLanguages: parsed.target_languages as LanguageCode[],
    sourceLang: parsed.source_lang ?? null,
    excludeText: parsed.exclude_text ?? null,
    outputFormat: parsed.output_format ?? null,
    webhookUrl,
    images: options.kept,
  };
}

/** "No images", saying what the client probably did instead. */
function noImages(fields: Record<string, string[]>, otherFileFields: Set<string>): ApiError {
  const detail = (message: string): ErrorDetail[] => [{ field: 'images[]', code: 'required', message }];
  if (fields.images) {
    return new ApiError('invalid_request', 'images[]: send the images as file parts (curl -F "images[]=@photo.jpg"), not text fields.', detail('A file part is required.'));
  }
  if (otherFileFields.size > 0) {
    const names = [...otherFileFields].map((n) => `"${n}"`).join(', ');
    return new ApiError('invalid_request', `images[]: no file under images[]; the form has files under ${names}.`, detail('Send each image as a file part named images[].'));
  }
  return new ApiError('invalid_request', 'images[]: add at least one image file.', detail('At least one image is required.'));
}

function combineFileErrors(errors: ApiError[]): ApiError {
  const first = errors[0];
  const details: ErrorDetail[] = errors.flatMap((e) => e.details ?? []);
  const message = errors.length === 1 ? first.message : `${errors.length} files were rejected; the first: ${first.message}`;
  return new ApiError(first.code, message, details);
}

const last = (values: string[] | undefined) => values?.[values.length - 1];
