/**
 * Regions that read as one block of text — OCR often returns each line of a paragraph or a sign as its
 * own region — must not come out in three different sizes because each translation fitted its own box
 * differently. Regions whose original text looked the same (size, weight, colour) and that sit in one
 * column, one line under the next, form a group; the renderer draws a group at the smallest size any
 * of its members needed.
 */
import type { Box, RegionStyle, Rgb } from '../types';

/** Sizes within this ratio of each other count as the same size. */
export const SAME_SIZE = 0.1;
/** Colours closer than this (RGB distance) count as the same colour. */
const SAME_COLOUR = 48;
/** Regions at most this many em apart vertically are consecutive lines. */
const LINE_GAP_EM = 1;

/** Groups of indices into `styles` (each index in exactly one group, singletons included). */
export function sharedSizeGroups(styles: RegionStyle[], boxes: Box[]): number[][] {
  return groupsOf(styles.length, (a, b) => sameBlock(styles[a], boxes[a], styles[b], boxes[b]));
}

/** The indices 0..n-1 grouped by `same` and what it chains (a ~ b and b ~ c put a, b and c together). */
export function groupsOf(n: number, same: (a: number, b: number) => boolean): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (same(a, b)) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()];
}

/** Colours close enough (SAME_COLOUR) to count as one. */
export const sameColour = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) <= SAME_COLOUR;

function sameBlock(a: RegionStyle, boxA: Box, b: RegionStyle, boxB: Box): boolean {
  // Turned text stacks its lines sideways; it is left to itself.
  if ((a.rotation ?? 0) !== 0 || (b.rotation ?? 0) !== 0) return false;
  if (a.bold !== b.bold || a.align !== b.align) return false;
  if (Math.abs(a.fontSize - b.fontSize) > SAME_SIZE * Math.max(a.fontSize, b.fontSize)) return false;
  if (!sameColour(a.textColor, b.textColor)) return false;
  const overlap = Math.min(boxA.x + boxA.width, boxB.x + boxB.width) - Math.max(boxA.x, boxB.x);
  if (overlap <= 0) return false;
  const gap = Math.max(boxA.y, boxB.y) - Math.min(boxA.y + boxA.height, boxB.y + boxB.height);
  return gap <= LINE_GAP_EM * Math.max(a.fontSize, b.fontSize);
}
