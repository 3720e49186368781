/**
 * The two focal-point offices a new Pemda starts with (seed 003, point 8), named as
 * src/routing/seed-routing.ts names those of the seeded Pemda; the administrator edits them after.
 */
export function defaultOffices(region: { name: string; kind: string }) {
  const isProvince = region.kind === "province";
  return [
    { kind: "inspektorat", name: `Inspektorat Daerah ${region.name}`, superiorTitle: "Inspektur" },
    { kind: "organisasi", name: `${isProvince ? "Biro" : "Bagian"} Organisasi Sekretariat Daerah ${region.name}`, superiorTitle: "Sekretaris Daerah" },
  ];
}
