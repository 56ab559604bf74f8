/** The limits API.md promises clients. One place, so validation, docs and tests agree. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGES_PER_BATCH = 20;
export const MAX_LANGUAGES_PER_BATCH = 10;
export const MAX_CONCURRENT_BATCHES = 3;
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Room for the form fields and multipart framing around the files. */
export const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
export const MAX_EXCLUDE_PATTERNS = 50;
export const MAX_EXCLUDE_TEXT_CHARS = 2000;
export const MAX_JSON_BODY_BYTES = 16 * 1024;
