import type { Methodology } from "./methodology.js";

/**
 * A starting point for a new version: a copy of `from` as the next revision of its year, or as
 * revision 1 of another year (the old year in its title replaced, every number kept, so each one
 * is re-checked and re-sourced before saving). Pure: methodology in, JSON text out.
 */
export function methodologyDraftFrom(from: Methodology, target: { year: number; revision: number }): string {
  const { year, revision } = target;
  const copy = {
    ...from,
    id: `${year}.${revision}`,
    year,
    revision,
    title: year === from.year ? from.title : from.title.split(String(from.year)).join(String(year)),
  };
  return JSON.stringify(copy, null, 2);
}
