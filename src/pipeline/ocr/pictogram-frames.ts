/**
 * Pictograms beside the words of a line, found among the pieces of a line's neighbourhood (line-layer.ts)
 * so that line refinement leaves them out: a walking figure in its square read as a letter becomes a
 * wrong word ("ILES ARTS"), and erasing it a smear.
 */
import type { Piece } from './line-layer';

/**
 * Frames and what they hold. A piece whose box encloses another of the same grey is a frame (a box
 * around a label, the square of a pictogram), never a letter: counters are not filled with ink of the
 * letter's own colour. When the frame is about as wide as it is tall and holds one to three pieces, it
 * is a pictogram beside the words (a walking figure on a direction sign, an icon on a button), and its
 * figure goes with it, whichever of the two layers it was found in.
 */
export function pictogramPieces(pieces: Piece[], markPieces: Piece[], inkColoured: (p: Piece) => boolean): Set<Piece> {
  const out = new Set<Piece>();
  const byLeft = [...pieces].sort((a, b) => a.x0 - b.x0);
  const marksByLeft = markPieces === pieces ? byLeft : [...markPieces].sort((a, b) => a.x0 - b.x0);
  // The pieces of `sorted` inside `frame`: only those starting within it need a look.
  const within = (sorted: Piece[], frame: Piece, minArea: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].x0 <= frame.x0) lo = mid + 1;
      else hi = mid;
    }
    const found: Piece[] = [];
    for (let i = lo; i < sorted.length && sorted[i].x0 < frame.x1; i++) {
      const p = sorted[i];
      if (p.area >= minArea && p.x1 < frame.x1 && p.y0 > frame.y0 && p.y1 < frame.y1) found.push(p);
    }
    return found;
  };
  for (const frame of pieces) {
    const w = frame.x1 - frame.x0;
    const h = frame.y1 - frame.y0;
    if (w < 6 || h < 6) continue;
    // What shows through a letter's counter may just pass the threshold (pale stone inside the O of
    // white type): only pieces of the ink's own grey make a frame of what surrounds them.
    const inside = within(byLeft, frame, 0.02 * w * h).filter((p) => inkColoured(p));
    if (inside.length === 0) continue;
    out.add(frame);
    if (w / h < 0.6 || w / h > 1.7 || inside.length > 3) continue;
    for (const p of inside) out.add(p);
    if (marksByLeft !== byLeft) for (const p of within(marksByLeft, frame, 1)) out.add(p);
  }
  return out;
}
