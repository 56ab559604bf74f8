/**
 * Regions that read as one block of text — OCR often returns each line of a paragraph or a sign as its
 * own region — must not come out in three different sizes because each translation fitted its own box
 * differently. Regions whose original text looked the same (size, weight, colour) and that sit in one
 * column, one line under the next, form a group; the renderer draws a group at the smallest size any
 * of its members needed.
 */
import type { Box, RegionStyle } from '../types';

/** Sizes within this ratio of each other count as the same size. */
export const SAME_SIZE = 0.1;
/** Colours closer than this (RGB distance) count as the same colour. */
export const SAME_COLOUR = 48;
/** Regions at most this many em apart vertically are consecutive lines. */
const LINE_GAP_EM = 1;

/** Groups of indices into `styles` (each index in exactly one group, singletons included). */
export function sharedSizeGroups(styles: RegionStyle[], boxes: Box[]): number[][] {
  const parent = styles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < styles.length; a++) {
    for (let b = a + 1; b < styles.length; b++) {
      if (sameBlock(styles[a], boxes[a], styles[b], boxes[b])) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, number[]>();
  styles.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

function sameBlock(a: RegionStyle, boxA: Box, b: RegionStyle, boxB: Box): boolean {
  // Turned text stacks its lines sideways; it is left to itself.
  if ((a.rotation ?? 0) !== 0 || (b.rotation ?? 0) !== 0) return false;
  if (a.bold !== b.bold || a.align !== b.align) return false;
  if (Math.abs(a.fontSize - b.fontSize) > SAME_SIZE * Math.max(a.fontSize, b.fontSize)) return false;
  const colour = Math.hypot(a.textColor[0] - b.textColor[0], a.textColor[1] - b.textColor[1], a.textColor[2] - b.textColor[2]);
  if (colour > SAME_COLOUR) return false;
  const overlap = Math.min(boxA.x + boxA.width, boxB.x + boxB.width) - Math.max(boxA.x, boxB.x);
  if (overlap <= 0) return false;
  const gap = Math.max(boxA.y, boxB.y) - Math.min(boxA.y + boxA.height, boxB.y + boxB.height);
  return gap <= LINE_GAP_EM * Math.max(a.fontSize, b.fontSize);
}
