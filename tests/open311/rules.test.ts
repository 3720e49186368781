import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/complaints/vocabulary.js";
import { toXml } from "../../src/open311/format.js";
import { requestWindow, MAX_WINDOW_DAYS } from "../../src/open311/request-window.js";
import { collectServiceRequestFields, subjectFromDescription, toCivilDate, toOpen311Issues } from "../../src/open311/service-request-fields.js";
import { categoryOfService, OTHER_SERVICE, serviceOfCategory, SERVICE_CODES } from "../../src/open311/services.js";
import { CLOSED_STATES, open311Status } from "../../src/open311/status.js";

const DAY = 24 * 3600_000;

describe("Open311 status of a workflow state", () => {
  it("is closed for a closed, rejected or withdrawn case", () => {
    for (const state of CLOSED_STATES) expect(open311Status(state)).toBe("closed");
  });

  it("is open for every other state, including one added after this mapping was written", () => {
    for (const state of ["received", "verification", "incomplete", "routed", "acknowledged", "in_progress", "decided", "reporter_notified", "escalated"]) {
      expect(open311Status(state)).toBe("open");
    }
  });
});

describe("the requested_datetime window of GET requests", () => {
  const now = new Date("2026-06-15T04:00:00Z");

  it("defaults to the 90 days up to now", () => {
    expect(requestWindow(undefined, undefined, now)).toEqual({ from: new Date(now.getTime() - MAX_WINDOW_DAYS * DAY), to: now });
  });

  it("runs 90 days from a start date alone, and 90 days up to an end date alone", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(requestWindow(start, undefined, now)).toEqual({ from: start, to: new Date("2026-04-01T00:00:00Z") });
    const end = new Date("2026-03-31T16:00:00Z");
    expect(requestWindow(undefined, end, now)).toEqual({ from: new Date("2025-12-31T16:00:00Z"), to: end });
  });

  it("accepts exactly 90 days between both dates and refuses one millisecond more", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(requestWindow(start, new Date(start.getTime() + 90 * DAY), now)).toEqual({ from: start, to: new Date(start.getTime() + 90 * DAY) });
    expect(requestWindow(start, new Date(start.getTime() + 90 * DAY + 1), now)).toEqual({ problem: "too_long" });
  });

  it("refuses an end before the start but accepts the same instant", () => {
    const start = new Date("2026-02-01T00:00:00+08:00");
    expect(requestWindow(start, new Date(start.getTime() - 1), now)).toEqual({ problem: "end_before_start" });
    expect(requestWindow(start, start, now)).toEqual({ from: start, to: start });
  });
});

describe("services", () => {
  it("are the maladministration categories and other, in both directions", () => {
    expect(SERVICE_CODES).toEqual([...CATEGORIES, OTHER_SERVICE]);
    for (const category of CATEGORIES) {
      expect(categoryOfService(category)).toBe(category);
      expect(serviceOfCategory(category)).toBe(category);
    }
    expect(categoryOfService(OTHER_SERVICE)).toBeUndefined();
  });

  it("put a complaint without a category, or with a retired one, under other", () => {
    expect(serviceOfCategory(null)).toBe(OTHER_SERVICE);
    expect(serviceOfCategory("pungli_lama")).toBe(OTHER_SERVICE);
  });
});

describe("mapping an Open311 request", () => {
  it("takes attribute[code] from nested form fields, flat JSON keys and the query string", () => {
    const fields = collectServiceRequestFields({ attribute: { unit: "5" }, "attribute[nik]": "5301011203850001", description: "x" }, { jurisdiction_id: "53.01", description: "from the query" });
    expect(fields).toEqual({ jurisdiction_id: "53.01", description: "x", attribute: { unit: "5", nik: "5301011203850001" } });
  });

  it("derives a subject from the description's first line, cut at a word", () => {
    expect(subjectFromDescription("\n  KTP belum dicetak  \nSudah tiga bulan.")).toBe("KTP belum dicetak");
    const long = `${"kata ".repeat(40)}akhir`;
    const subject = subjectFromDescription(long)!;
    expect(subject.length).toBeLessThanOrEqual(120);
    expect(subject.endsWith("kata…")).toBe(true);
    expect(subjectFromDescription("x".repeat(300))).toBe(`${"x".repeat(119)}…`);
    expect(subjectFromDescription(undefined)).toBeUndefined();
  });

  it("turns an ISO date-time into the civil date in the Pemda's time zone and leaves other values to the schema", () => {
    expect(toCivilDate("2026-03-01T20:30:00Z", "Asia/Makassar")).toBe("2026-03-02");
    expect(toCivilDate("2026-03-02T07:59:00+08:00", "Asia/Makassar")).toBe("2026-03-02");
    expect(toCivilDate("2026-03-02", "Asia/Makassar")).toBe("2026-03-02");
    expect(toCivilDate("2 Maret 2026", "Asia/Makassar")).toBe("2 Maret 2026");
    expect(toCivilDate(undefined, "Asia/Makassar")).toBeUndefined();
  });

  it("names complaint fields as the client sent them and drops a derived subject's problem", () => {
    const issues = toOpen311Issues(
      [
        { path: "reporter.name", messageKey: "errors.required" },
        { path: "priorComplaint.made", messageKey: "errors.choose_yes_no" },
        { path: "subject", messageKey: "errors.subject_too_short" },
        { path: "attribute.nik", messageKey: "errors.too_long" },
        { path: "regionCode", messageKey: "errors.region_unknown" },
      ],
      { isSubjectDerived: true },
    );
    expect(issues.map((i) => [i.path, i.messageKey])).toEqual([
      ["first_name", "errors.required"],
      ["attribute[prior_complaint]", "open311.errors.prior_complaint_choice"],
      ["attribute[nik]", "errors.too_long"],
      ["jurisdiction_id", "errors.region_unknown"],
    ]);
  });
});

describe("Open311 XML", () => {
  it("nests arrays in their container, leaves out undefined and writes null as an empty element", () => {
    const xml = toXml("service_definition", { service_code: "x", attributes: [{ code: "unit", values: [{ key: 1, name: "A" }, { key: 2, name: "B" }], datatype_description: null, skipped: undefined }] });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><service_definition><service_code>x</service_code><attributes><attribute><code>unit</code><values><value><key>1</key><name>A</name></value><value><key>2</key><name>B</name></value></values><datatype_description/></attribute></attributes></service_definition>',
    );
  });

  it("stays well-formed whatever a client wrote: markup is escaped and control characters are dropped", () => {
    const nasty = `<b>Tom & "Jerry"</b> ]]> \u0001\u0008 it's`;
    const xml = toXml("service_requests", [{ description: nasty }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ processEntities: true }).parse(xml);
    expect(parsed.service_requests.request.description).toBe(`<b>Tom & "Jerry"</b> ]]>  it's`);
  });

  it("refuses an array whose item element is not known, rather than inventing a name", () => {
    expect(() => toXml("things", [1, 2])).toThrow(/no item element/);
  });
});
