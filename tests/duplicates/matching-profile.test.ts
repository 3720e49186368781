import { describe, expect, it } from "vitest";
import { buildMatchingProfile, civilDay } from "../../src/duplicates/build-matching-profile.js";
import { identityKeys } from "../../src/duplicates/identity-keys.js";
import { indexText, searchTerms } from "../../src/duplicates/search-terms.js";
import { buildComplaint, profile, TEST_SECRET } from "./complaint-factory.js";

describe("matching profiles", () => {
  it("survive a JSON round trip unchanged, so they can be stored", () => {
    const built = profile();
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });

  it("are the same every time for the same complaint and secret", () => {
    expect(profile()).toEqual(profile());
  });

  it("hold no identity value in clear: not the NIK, phone, email or any word of the name", () => {
    const serialised = JSON.stringify(profile({ reporter: { name: "Yohanes Bria", nik: "5371041203850002", phone: "0812-3791-4406", email: "yohanes.bria85@gmail.com" } }));
    for (const secret of ["5371041203850002", "81237914406", "3791", "yohanes", "bria", "gmail", "YOHANES", "Bria"]) expect(serialised).not.toContain(secret);
  });

  it("give the same identity digests however the identity is written", () => {
    const a = profile({ reporter: { name: "Bpk. Yohannes Bria", nik: "5371.0412.0385.0002", phone: "+62 812 3791 4406", email: " Yohanes.Bria85@Gmail.com" } });
    const b = profile();
    expect(a.reporter).toEqual(b.reporter);
  });

  it("depend on the secret, so a digest cannot be recomputed without it", () => {
    const a = buildMatchingProfile(buildComplaint(), TEST_SECRET);
    const b = buildMatchingProfile(buildComplaint(), "another-secret-another-secret-00");
    expect(a.reporter.nik).not.toBe(b.reporter.nik);
    expect(a.reporter.name[0]![0]).not.toBe(b.reporter.name[0]![0]);
    expect(a.terms).toEqual(b.terms);
  });

  it("leave out identity that is missing or cannot be read", () => {
    const built = profile({ reporter: { nik: "12345", phone: "tidak ada", email: null } });
    expect(built.reporter.nik).toBeNull();
    expect(built.reporter.phone).toBeNull();
    expect(built.reporter.email).toBeNull();
  });

  it("take the unit kind from the unit name when none is given", () => {
    expect(profile({ unitId: null, unitKind: null, unitName: "Capil Kupang" }).unitKind).toBe("DUKCAPIL");
    expect(profile({ unitId: null, unitKind: null, unitName: "Kantor Camat" }).unitKind).toBeNull();
  });

  it("stay small: about a kilobyte and a half for an ordinary complaint", () => {
    expect(Buffer.byteLength(JSON.stringify(profile()))).toBeLessThan(2000);
    const long = profile({ description: "Saya mengadukan pelayanan yang lambat. ".repeat(5) + buildComplaint().description.repeat(20) });
    expect(Buffer.byteLength(JSON.stringify(long))).toBeLessThan(3000);
  });
});

describe("incident days", () => {
  it("count days since 1970-01-01 for a civil date", () => {
    expect(civilDay("1970-01-01")).toBe(0);
    expect(civilDay("2025-08-04")! - civilDay("2025-07-31")!).toBe(4);
    expect(civilDay("2024-03-01")! - civilDay("2024-02-28")!).toBe(2);
    expect(civilDay("2025-03-01")! - civilDay("2025-02-28")!).toBe(1);
  });

  it("are null for what is not a civil date", () => {
    for (const raw of ["2025-02-29", "2025-13-01", "04/08/2025", "", "2025-8-4"]) expect(civilDay(raw)).toBeNull();
    expect(profile({ incidentDate: "kemarin" }).incidentDay).toBeNull();
  });
});

describe("identity keys for the index", () => {
  it("give one key per identity field and one for the name", () => {
    const keys = identityKeys(profile());
    expect(keys.map((key) => key.kind)).toEqual(["nik", "phone", "email", "name"]);
  });

  it("find the same reporter under a name spelt differently, and not another person", () => {
    const nameKey = (name: string) => identityKeys(profile({ reporter: { name } })).find((key) => key.kind === "name")!.digest;
    expect(nameKey("Yohanis Bria")).toBe(nameKey("Bapak Yohanes Bria"));
    expect(nameKey("Yohanes Tefa")).not.toBe(nameKey("Yohanes Bria"));
  });

  it("add pairs of words for long names, so a shortened name still meets them", () => {
    const long = identityKeys(profile({ reporter: { name: "Maria Goreti Bano" } })).filter((key) => key.kind === "name");
    const short = identityKeys(profile({ reporter: { name: "Maria Goretti" } })).filter((key) => key.kind === "name");
    expect(long).toHaveLength(4);
    expect(long.map((key) => key.digest)).toContain(short[0]!.digest);
  });

  it("leave out what the complaint does not give", () => {
    const keys = identityKeys(profile({ reporter: { name: "", nik: null, phone: null, email: null } }));
    expect(keys).toEqual([]);
  });
});

describe("full-text terms", () => {
  it("index the stems, so that inflected words meet", () => {
    expect(indexText(profile({ subject: "Pelayanan", description: "dilayani" }))).toBe("layan");
  });

  it("search with amounts and names before generic words, at most the limit", () => {
    const terms = searchTerms(profile());
    expect(terms[0]).toBe("100000");
    expect(terms).toContain("yanto");
    const all = searchTerms(profile(), 50);
    expect(all.indexOf("yanto")).toBeLessThan(all.indexOf("ktp"));
    expect(all).not.toContain("lalu");
    expect(terms).not.toContain("tugas");
    expect(terms).not.toContain("minta");
    expect(searchTerms(profile(), 3)).toHaveLength(3);
  });
});
