import fs from "node:fs/promises";
import path from "node:path";
import { ValidationError } from "../http/errors.js";
import { projectRoot } from "../paths.js";
import { parseMethodology, type Methodology } from "./methodology.js";

/** Where the versioned methodology files live: one "<year>.<revision>.json" per version. */
export const methodologyDir = path.join(projectRoot, "prisma", "reference", "methodology");

/**
 * Reads and validates every methodology file of a folder, sorted by year and revision. A file
 * named differently from its id, two files with one id, or an invalid file stops the whole read
 * with a ValidationError whose paths start with the file name, so a bad file is never half used.
 */
export async function readMethodologyFiles(dir: string = methodologyDir): Promise<Methodology[]> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const methodologies: Methodology[] = [];
  for (const name of names) {
    let methodology: Methodology;
    try {
      methodology = parseMethodology(JSON.parse(await fs.readFile(path.join(dir, name), "utf8")));
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.issues.map((i) => ({ ...i, path: `${name}:${i.path}` })));
      if (error instanceof SyntaxError) throw new ValidationError([{ path: name, messageKey: "errors.malformed_json" }]);
      throw error;
    }
    if (name !== `${methodology.id}.json`) throw new ValidationError([{ path: name, messageKey: "scoring.errors.methodology_file_name", params: { expected: `${methodology.id}.json` } }]);
    methodologies.push(methodology);
  }
  return methodologies.sort((a, b) => a.year - b.year || a.revision - b.revision);
}
