import { diffWords } from "diff";

/** A run of text on one side of a comparison: shared with the other side, or found only on this one. */
export interface DiffSegment {
  text: string;
  isOnlyHere: boolean;
}

export interface WordDiff {
  /** The earlier complaint's text, its own words marked. */
  earlier: DiffSegment[];
  /** The later complaint's text, its own words marked. */
  later: DiffSegment[];
  /** Words (not punctuation) the two texts share in order, and the longer text's word count. */
  sharedWords: number;
  totalWords: number;
}

const countWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * A word-level comparison of two texts for a side-by-side view (jsdiff's diffWords, case-insensitive):
 * each side keeps its own wording, with the runs the other side lacks marked. Pure.
 */
export function wordDiff(earlier: string, later: string): WordDiff {
  const changes = diffWords(earlier, later, { ignoreCase: true });
  const result: WordDiff = { earlier: [], later: [], sharedWords: 0, totalWords: Math.max(countWords(earlier), countWords(later)) };
  const push = (side: DiffSegment[], text: string, isOnlyHere: boolean) => {
    const last = side[side.length - 1];
    if (last && last.isOnlyHere === isOnlyHere) last.text += text;
    else side.push({ text, isOnlyHere });
  };
  for (const change of changes) {
    if (change.added) push(result.later, change.value, true);
    else if (change.removed) push(result.earlier, change.value, true);
    else {
      // A shared run is shown on both sides; with ignoreCase each side should keep its own spelling,
      // but jsdiff reports the later text's, which differs only in case.
      push(result.earlier, change.value, false);
      push(result.later, change.value, false);
      result.sharedWords += countWords(change.value);
    }
  }
  return result;
}
