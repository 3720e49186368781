/**
 * Matching a unit name as an assessor typed it against the units of a Pemda, by their names and
 * aliases: case, spaces and punctuation ignored ("DPM-PTSP" is "DPMPTSP", "Dinas  Kesehatan" is
 * "dinas kesehatan"). Pure.
 */
export function unitNameKey(name: string): string {
  return name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** The units whose name or one of whose aliases ("A|B") matches `name`; more than one is ambiguous. */
export function unitsNamed<T extends { id: number; name: string; aliases: string }>(units: readonly T[], name: string): T[] {
  const key = unitNameKey(name);
  if (key === "") return [];
  return units.filter((u) => [u.name, ...u.aliases.split("|")].some((n) => n.trim() !== "" && unitNameKey(n) === key));
}
