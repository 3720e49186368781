import { config } from "../config.js";
import { db } from "../db.js";
import type { Translate } from "../i18n/index.js";

export const GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2";

/** When the service list or the attribute definitions last changed in code (bump it with them). */
const CATALOGUE_CHANGED_AT = new Date("2026-11-23T00:00:00Z");

/**
 * The Open311 service discovery document. Its changeset tells clients when to refresh cached
 * service definitions: the later of a catalogue change in code and the last edit of a Pemda or
 * unit (the unit lists are part of every definition).
 */
export async function loadDiscovery(t: Translate) {
  const [units, regions] = await Promise.all([db.unit.aggregate({ _max: { updatedAt: true } }), db.region.aggregate({ _max: { updatedAt: true } })]);
  const times = [CATALOGUE_CHANGED_AT, units._max.updatedAt, regions._max.updatedAt].filter((d): d is Date => d instanceof Date);
  const changeset = new Date(Math.max(...times.map((d) => d.getTime()))).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    changeset,
    contact: t("open311.discovery.contact", { url: config.baseUrl }),
    key_service: t("open311.discovery.key_service"),
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: `${config.baseUrl}/open311/v2`,
        changeset,
        type: config.isProduction ? "production" : "test",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}
