/**
 * One heavy pipeline at a time per isolate. An isolate has 128 MB shared by every request it serves at
 * once, and the WASM heaps (tesseract, photon, resvg, our kernels) never shrink: two large images
 * decoded side by side could together exceed the limit. Requests queue here instead, first come first
 * served; the wait is reported as its own Server-Timing stage.
 */
let tail: Promise<void> = Promise.resolve();

/** Runs `work` when every earlier caller in this isolate has finished. */
export async function withHeavyWorkSlot<T>(work: () => Promise<T>): Promise<T> {
  const previous = tail;
  let release!: () => void;
  tail = new Promise<void>((resolve) => (release = resolve));
  try {
    await previous;
    return await work();
  } finally {
    release();
  }
}

