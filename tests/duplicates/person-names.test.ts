import { describe, expect, it } from "vitest";
import { nameWordKeys, nameWordSound, personNameSimilarity, personNameWords } from "../../src/duplicates/person-names.js";

const similarity = (a: string, b: string) => personNameSimilarity(personNameWords(a).map(nameWordKeys), personNameWords(b).map(nameWordKeys));

describe("person names in comparable form", () => {
  it.each([
    ["Bapak Yohanes Bria", ["yohanes", "bria"]],
    ["Bpk. Yohanes Bria", ["yohanes", "bria"]],
    ["Pak Yohanes Bria", ["yohanes", "bria"]],
    ["Ibu Maria Tefa", ["maria", "tefa"]],
    ["Bu Maria Tefa", ["maria", "tefa"]],
    ["Sdr. Paulus Rihi", ["paulus", "rihi"]],
    ["Sdri. Debora Ully", ["debora", "uli"]],
    ["Ny. Yuliana Seran", ["yuliana", "seran"]],
    ["Mama Yuliana Seran", ["yuliana", "seran"]],
    ["H. Abdul Rahman, S.H., M.Si", ["abdul", "rahman"]],
    ["Hj. Siti Aminah", ["siti", "aminah"]],
    ["Drs. Yohannes Djawa, S.Pd.", ["yohanes", "yawa"]],
    ["Dr. Ir. Kristina Jehadu, M.Si.", ["kristina", "yehadu"]],
    ["Theresia Kewa S.Pd", ["teresia", "kewa"]],
    ["Gabriel Jehamun, S.Pd", ["gabriel", "yehamun"]],
    ["apt. Wilhelmina Bere, S.Farm", ["wilhelmina", "bere"]],
    ["Umbu Hina Kapita", ["hina", "kapita"]],
    ["Rambu Konda Ngguli", ["konda", "nguli"]],
  ])("reads %j as %j", (raw, words) => {
    expect(personNameWords(raw)).toEqual(words);
  });

  it("takes honorifics from the front only, and never the whole name", () => {
    expect(personNameWords("Yuliana Kaka")).toEqual(["yuliana", "kaka"]);
    expect(personNameWords("Rambu Yuliana Kaka")).toEqual(["yuliana", "kaka"]);
    expect(personNameWords("Mama")).toEqual(["mama"]);
  });

  it("writes old and new spellings alike", () => {
    expect(personNameWords("Soekarno")).toEqual(personNameWords("Sukarno"));
    expect(personNameWords("Djoko Tjahjono")).toEqual(personNameWords("Joko Cahyono"));
    expect(personNameWords("Philipus Nggadas")).toEqual(personNameWords("Filipus Ngadas"));
    expect(personNameWords("Martha Tefa")).toEqual(personNameWords("Marta Teffa"));
    expect(personNameWords("Christina Lay")).toEqual(personNameWords("Kristina Lai"));
    expect(personNameWords("Maria Goretti")).toEqual(personNameWords("Maria Goreti"));
    expect(personNameWords("Johannes")).toEqual(personNameWords("Yohanes"));
    expect(personNameWords("Kornelis Bhoko")).toEqual(personNameWords("Kornelis Boko"));
    expect(personNameWords("Stevanus")).toEqual(personNameWords("Stefanus"));
  });

  it("keeps initials and drops diacritics and punctuation", () => {
    expect(personNameWords("Y. Bria")).toEqual(["y", "bria"]);
    expect(personNameWords("José Da Silva")).toEqual(["yose", "da", "silfa"]);
    expect(personNameWords("Ma'ruf")).toEqual(["maruf"]);
    expect(personNameWords("")).toEqual([]);
    expect(personNameWords(null)).toEqual([]);
  });

  it("gives spelling variants one sound key", () => {
    expect(nameWordSound("yohanes")).toBe(nameWordSound("yohanis"));
    expect(nameWordSound("bria")).toBe(nameWordSound("bira"));
    expect(nameWordSound("kornelius")).toBe(nameWordSound("kornelis"));
    expect(nameWordSound("ferdinandus")).toBe(nameWordSound("ferdinand"));
    expect(nameWordSound("maria")).not.toBe(nameWordSound("mario"));
    expect(nameWordSound("yohanes")).not.toBe(nameWordSound("yohana"));
    expect(nameWordSound("ab")).toBe("ab");
  });
});

describe("name similarity", () => {
  it("is 1 for the same name written with titles and in another spelling", () => {
    expect(similarity("Sdri. Martha Tefa", "Marta Teffa")).toBe(1);
    expect(similarity("Bapak Yohanes Bria", "Yohanes Bria, S.H.")).toBe(1);
    expect(similarity("Umbu Tamu Ama", "Tamu Ama")).toBe(1);
  });

  it("is high for spelling variants the sound key catches", () => {
    expect(similarity("Yohanes Bria", "Yohanis Bria")).toBeGreaterThanOrEqual(0.9);
    expect(similarity("Kornelius Boko", "Kornelis Bhoko")).toBeGreaterThanOrEqual(0.9);
    expect(similarity("Ferdinandus Lelo", "Ferdinand Lelo")).toBeGreaterThanOrEqual(0.9);
  });

  it("is fair for an initial, a short form or a dropped middle name", () => {
    expect(similarity("Y. Bria", "Yohanes Bria")).toBe(0.9);
    expect(similarity("Frans Moa", "Fransiskus Xaverius Moa")).toBeGreaterThanOrEqual(0.75);
    expect(similarity("Siska Ndoi", "Fransiska Romana Ndoi")).toBeGreaterThanOrEqual(0.75);
    expect(similarity("Maria Goretti", "Maria Goreti Bano")).toBeGreaterThanOrEqual(0.9);
    expect(similarity("Maria Goretti", "Maria Goreti Bano")).toBeLessThan(1);
  });

  it("is low for another person sharing a first name or a family name", () => {
    expect(similarity("Yohanes Bria", "Yohanes Tefa")).toBe(0.5);
    expect(similarity("Maria Tefa", "Yosef Tefa")).toBe(0.5);
    expect(similarity("Maria Bano", "Daria Bano")).toBe(0.5);
    expect(similarity("Yohanes Bria", "Yohana Bria")).toBeLessThan(0.9);
  });

  it("does not let one common first name match a full name strongly", () => {
    expect(similarity("Maria", "Maria Goreti Bano")).toBe(0.75);
    expect(similarity("Maria", "Maria")).toBe(1);
  });

  it("is 0 for unrelated names or a missing one, and the same both ways", () => {
    expect(similarity("Maria Goreti Bano", "Yohanes Bria")).toBe(0);
    expect(similarity("", "Yohanes Bria")).toBe(0);
    expect(similarity("Fransiskus Xaverius Moa", "Frans Moa")).toBe(similarity("Frans Moa", "Fransiskus Xaverius Moa"));
  });
});
