import { describe, expect, it } from "vitest";
import { normaliseEmail, normaliseNik, normalisePhone } from "../../src/duplicates/normalise-identity.js";

describe("phone numbers", () => {
  it.each([
    "0812-3456-7890",
    "0812 3456 7890",
    "081234567890",
    "+62 812 3456 7890",
    "+62-812-3456-7890",
    "+6281234567890",
    "6281234567890",
    "62 812 3456 7890",
    "81234567890",
    "+62 (0) 812 3456 7890",
    "+62 0812 3456 7890",
    "0062 812 3456 7890",
    "(0812) 3456-7890",
    "  0812.3456.7890  ",
    "0812-3456-7890 (WA)",
    "HP: 0812-3456-7890",
    "WA 081234567890",
  ])("reads %j as the mobile number +6281234567890", (raw) => {
    expect(normalisePhone(raw)).toBe("+6281234567890");
  });

  it("reads a landline with its area code, in brackets or not", () => {
    expect(normalisePhone("(0380) 821234")).toBe("+62380821234");
    expect(normalisePhone("0380-821234")).toBe("+62380821234");
    expect(normalisePhone("0380 821 234")).toBe("+62380821234");
    expect(normalisePhone("+62 380 821234")).toBe("+62380821234");
    expect(normalisePhone("(0389) 21234")).toBe("+6238921234");
  });

  it("keeps the first of several numbers", () => {
    expect(normalisePhone("0813 3912 4567 / 0852 1111 2222")).toBe("+6281339124567");
    expect(normalisePhone("0813 3912 4567, 0852 1111 2222")).toBe("+6281339124567");
    expect(normalisePhone("0813 3912 4567 atau 0852 1111 2222")).toBe("+6281339124567");
  });

  it("keeps a foreign number in its own country", () => {
    expect(normalisePhone("+61 412 345 678")).toBe("+61412345678");
    expect(normalisePhone("+670 7723 4567")).toBe("+67077234567");
  });

  it("gives up on numbers that cannot be dialled as written", () => {
    expect(normalisePhone("0380-8553xxx")).toBeNull();
    expect(normalisePhone("0812 xxxx 7890")).toBeNull();
    expect(normalisePhone("08123")).toBeNull();
    expect(normalisePhone("821234")).toBeNull();
    expect(normalisePhone("tidak punya")).toBeNull();
    expect(normalisePhone("")).toBeNull();
    expect(normalisePhone(null)).toBeNull();
    expect(normalisePhone(undefined)).toBeNull();
  });

  it("tells different numbers apart", () => {
    expect(normalisePhone("0812-3456-7890")).not.toBe(normalisePhone("0812-3456-7891"));
    expect(normalisePhone("0812-3456-7890")).not.toBe(normalisePhone("0813-3456-7890"));
  });
});

describe("NIK", () => {
  it("keeps the 16 digits, whatever spaces, dots and dashes people type", () => {
    for (const raw of ["5371041203850002", "5371 0412 0385 0002", "5371.0412.0385.0002", "5371-0412-0385-0002", " 537104 120385 0002 "]) {
      expect(normaliseNik(raw)).toBe("5371041203850002");
    }
  });

  it("accepts a woman's NIK, whose birth day has 40 added", () => {
    expect(normaliseNik("5371054406800007")).toBe("5371054406800007");
    expect(normaliseNik("5371057112800007")).toBe("5371057112800007");
  });

  it("refuses numbers of another length", () => {
    expect(normaliseNik("537104120385000")).toBeNull();
    expect(normaliseNik("53710412038500021")).toBeNull();
    expect(normaliseNik("5371O41203850002")).toBeNull();
  });

  it("refuses numbers that cannot be a NIK: province, birth month or birth day out of range", () => {
    expect(normaliseNik("0071041203850002")).toBeNull();
    expect(normaliseNik("1071041203850002")).toBeNull();
    expect(normaliseNik("9571041203850002")).toBeNull();
    expect(normaliseNik("5371040013850002")).toBeNull();
    expect(normaliseNik("5371041213850002")).toBeNull();
    expect(normaliseNik("5371040003850002")).toBeNull();
    expect(normaliseNik("5371043203850002")).toBeNull();
    expect(normaliseNik("5371047203850002")).toBeNull();
    expect(normaliseNik("1171041203850002")).toBe("1171041203850002");
    expect(normaliseNik("9471043103850002")).toBe("9471043103850002");
  });

  it("has nothing to say about a missing NIK", () => {
    expect(normaliseNik("")).toBeNull();
    expect(normaliseNik(null)).toBeNull();
    expect(normaliseNik(undefined)).toBeNull();
  });
});

describe("email addresses", () => {
  it("trims and lower-cases, and drops mailto:", () => {
    expect(normaliseEmail("  Marthen.Nubatonis@Yahoo.co.id ")).toBe("marthen.nubatonis@yahoo.co.id");
    expect(normaliseEmail("mailto:ana@kupangkota.go.id")).toBe("ana@kupangkota.go.id");
  });

  it("treats Gmail's dots and +tags as the one mailbox they are", () => {
    expect(normaliseEmail("Yohanes.Bria85@gmail.com")).toBe("yohanesbria85@gmail.com");
    expect(normaliseEmail("yohanesbria85+ombudsman@gmail.com")).toBe("yohanesbria85@gmail.com");
    expect(normaliseEmail("yohanes.bria85@googlemail.com")).toBe("yohanesbria85@gmail.com");
    expect(normaliseEmail("yohanes.bria85@yahoo.com")).toBe("yohanes.bria85@yahoo.com");
  });

  it("refuses what is not an address", () => {
    expect(normaliseEmail("yohanes")).toBeNull();
    expect(normaliseEmail("yohanes@")).toBeNull();
    expect(normaliseEmail("yohanes@gmail")).toBeNull();
    expect(normaliseEmail("yohanes bria@gmail.com")).toBeNull();
    expect(normaliseEmail("")).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
});
