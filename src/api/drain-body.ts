/**
 * Reading what is left of a request body after we have decided to refuse it. A response sent while
 * the client is still uploading a body we stopped reading half-way confuses the local dev server
 * (`wrangler dev` answered such uploads with a plain-text 503 "Your worker restarted mid-request" and
 * could stall the next request; a body never touched, or read to the end, was fine). Draining discards
 * the bytes as they arrive, so nothing is buffered; past `maxBytes` we cancel instead, so a client
 * cannot keep us reading for ever.
 */

/** Reads and discards the rest of `request.body`, at most `maxBytes` of it; never throws. */
export async function drainRequestBody(request: Request, maxBytes: number): Promise<void> {
  const body = request.body;
  if (!body || body.locked) return;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return;
  }
  let read = 0;
  try {
    while (read <= maxBytes) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel('request body over the limit');
  } catch {
    // The client went away or the stream failed: there is nothing left to drain.
  } finally {
    reader.releaseLock();
  }
}
