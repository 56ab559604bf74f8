/** Reads and validates the multipart form of POST /translate-image: one image and its options. */
import type { z } from 'zod';
import type { ImageProbe } from '../pipeline/image/probe';
import { cleanFilename } from '../batches/filenames';
import { ApiError } from './errors';
import { validateFields } from './form-fields';
import { MAX_FILE_BYTES, MULTIPART_OVERHEAD_BYTES } from './limits';
import { readMultipart } from './multipart';
import { TranslateImageFieldsSchema } from './schemas/requests';
import { requireImageFile } from './uploads';

export interface TranslateImageForm {
  fields: z.output<typeof TranslateImageFieldsSchema>;
  bytes: Uint8Array;
  probe: ImageProbe;
  filename: string | null;
}

export async function readTranslateImageForm(request: Request): Promise<TranslateImageForm> {
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; filename: string } | undefined;
  for await (const part of readMultipart(request, {
    maxFileBytes: MAX_FILE_BYTES,
    maxTotalBytes: MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES,
    maxParts: 16,
    describeOversizedPart: () => 'image',
  })) {
    if (part.kind === 'field') fields[part.name] = part.value;
    else if (part.name === 'image') {
      if (file) throw new ApiError('invalid_request', 'Send exactly one image; use /api/v1/batch/translate for several.', [{ field: 'image', message: 'More than one file.' }]);
      file = { bytes: part.bytes, filename: part.filename };
    }
  }
  const parsed = validateFields(TranslateImageFieldsSchema, {
    target_lang: fields.target_lang,
    source_lang: emptyToUndefined(fields.source_lang),
    exclude_text: fields.exclude_text,
    output_format: emptyToUndefined(fields.output_format),
  });
  if (!file) {
    const sentAsText = 'image' in fields;
    throw new ApiError('invalid_request', sentAsText ? 'image: send the image as a file part, not a text field.' : 'image: the image file is missing.', [
      { field: 'image', code: 'required', message: 'A JPEG, PNG or WebP file is required.' },
    ]);
  }
  const filename = cleanFilename(file.filename);
  const probe = requireImageFile(file.bytes, 'image', filename ?? undefined);
  return { fields: parsed, bytes: file.bytes, probe, filename };
}

const emptyToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
