import type { ComplaintForMatching } from "./matching-profile.js";
import { matchUnitName, type UnitForMatching } from "./unit-names.js";

/** A Pemda's unit as stored (aliases as the "|"-separated column). */
export interface StoredUnit {
  id: number;
  name: string;
  kind: string;
  aliases: string;
}

/** What matching reads of a complaint, stored or not yet stored. */
export interface ComplaintFields {
  regionCode: string;
  unitId: number | null;
  unitName: string | null;
  subject: string;
  description: string;
  incidentDate: string;
  category: string | null;
  reporter: { name: string; nik: string | null; phone: string | null; email: string | null } | null;
}

/**
 * A complaint as the engine takes it. A unit named in free text ("Disdukcapil", "PKM Oepoi") is
 * resolved among the Pemda's units where exactly one fits, so that "same unit" is evidence for it too.
 */
export function toComplaintForMatching(complaint: ComplaintFields, regionUnits: readonly StoredUnit[]): ComplaintForMatching {
  const forMatching: UnitForMatching[] = regionUnits.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, aliases: unit.aliases.split("|").filter(Boolean) }));
  const unitId = complaint.unitId ?? (complaint.unitName ? matchUnitName(complaint.unitName, forMatching) : null);
  const unit = unitId === null ? undefined : regionUnits.find((u) => u.id === unitId);
  return {
    reporter: { name: complaint.reporter?.name ?? "", nik: complaint.reporter?.nik, phone: complaint.reporter?.phone, email: complaint.reporter?.email },
    regionCode: complaint.regionCode,
    unitId,
    unitName: unit?.name ?? complaint.unitName,
    unitKind: unit?.kind ?? null,
    subject: complaint.subject,
    description: complaint.description,
    incidentDate: complaint.incidentDate,
    category: complaint.category,
  };
}
