import { describe, expect, it } from "vitest";
import { matchUnitName, unitKindOfName, unitNameWords } from "../../src/duplicates/unit-names.js";
import { loadEvaluationSet } from "./evaluation-set.js";

// The seeded units of Kota Kupang (prisma/reference/regions.json) plus its four Puskesmas.
const units = loadEvaluationSet().units.filter((unit) => unit.regionCode === "53.71");
const idOf = (kind: string, name?: string) => units.find((unit) => unit.kind === kind && (!name || unit.name.includes(name)))!.id;

describe("matching a unit written in free text", () => {
  it.each([
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Kependudukan dan Pencatatan Sipil Kota Kupang",
    "Dinas Kependudukan & Catatan Sipil",
    "Dukcapil",
    "Disdukcapil Kota Kupang",
    "Kantor Capil Kupang",
    "Dinas Dukcapil",
    "Catatan Sipil",
    "dukcapill",
  ])("finds Dukcapil in %j", (name) => {
    expect(matchUnitName(name, units)).toBe(idOf("DUKCAPIL"));
  });

  it.each([
    ["DPMPTSP Kota Kupang", "DPMPTSP"],
    ["DPM-PTSP", "DPMPTSP"],
    ["Dinas Perizinan Kota Kupang", "DPMPTSP"],
    ["Dinas Penanaman Modal dan PTSP", "DPMPTSP"],
    ["Dinkes Kota", "KESEHATAN"],
    ["Dinas Kesehatan", "KESEHATAN"],
    ["Dinsos", "SOSIAL"],
    ["Disdik Kota", "PENDIDIKAN"],
    ["Dinas Pendidikan dan Kebudayaan", "PENDIDIKAN"],
    ["Inspektorat Daerah Kota Kupang", "OTHER"],
  ])("finds the unit of %j (%s)", (name, kind) => {
    expect(matchUnitName(name, units)).toBe(units.find((unit) => unit.kind === kind && (kind !== "OTHER" || unit.name.startsWith("Inspektorat")))!.id);
  });

  it("tells one Puskesmas from another by its name", () => {
    expect(matchUnitName("Puskesmas Oebobo", units)).toBe(idOf("PUSKESMAS", "Oebobo"));
    expect(matchUnitName("UPT Puskesmas Sikumana", units)).toBe(idOf("PUSKESMAS", "Sikumana"));
    expect(matchUnitName("PKM Pasir Panjang", units)).toBe(idOf("PUSKESMAS", "Pasir Panjang"));
  });

  it("answers null when the name fits two units or none", () => {
    expect(matchUnitName("Puskesmas", units)).toBeNull();
    expect(matchUnitName("Kantor Pertanahan", units)).toBeNull();
    expect(matchUnitName("Kantor", units)).toBeNull();
    expect(matchUnitName("", units)).toBeNull();
    expect(matchUnitName("Dukcapil", [])).toBeNull();
  });

  it("falls back on the only unit of the kind a name points to", () => {
    const oneOfEach = units.filter((unit) => unit.kind !== "PUSKESMAS" || unit.name.includes("Oebobo"));
    expect(matchUnitName("Puskesmas", oneOfEach)).toBe(idOf("PUSKESMAS", "Oebobo"));
  });
});

describe("unit words and kinds", () => {
  it("keeps only the distinguishing words of a unit name", () => {
    expect(unitNameWords("Kantor Dinas Dukcapil Kab. Kupang")).toEqual(["dukcapil", "kupang"]);
    expect(unitNameWords("UPT Puskesmas Oebobo")).toEqual(["puskesmas", "oebobo"]);
    expect(unitNameWords(null)).toEqual([]);
  });

  it("names the kind of unit a name points to", () => {
    expect(unitKindOfName("Capil SoE")).toBe("DUKCAPIL");
    expect(unitKindOfName("PKM Kapan")).toBe("PUSKESMAS");
    expect(unitKindOfName("Dinas Kesehatan dan UPT Puskesmas")).toBe("PUSKESMAS");
    expect(unitKindOfName("Dinas Perizinan Mabar")).toBe("DPMPTSP");
    expect(unitKindOfName("SMP Negeri 5 Kupang sekolah")).toBe("PENDIDIKAN");
    expect(unitKindOfName("Polres Kupang")).toBeNull();
    expect(unitKindOfName(undefined)).toBeNull();
  });
});
