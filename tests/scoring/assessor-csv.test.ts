import { describe, expect, it } from "vitest";
import { computeAssessment } from "../../src/scoring/compute-assessment.js";
import { parseMethodology } from "../../src/scoring/methodology.js";
import { parseAssessorCsv } from "../../src/scoring/parse-assessor-csv.js";
import { methodologies, window2023 } from "./fixtures.js";

const parse = (text: string) => parseAssessorCsv(text, methodologies);
const header = "year,region_code,unit_id,unit_name,input,proses,output,pengaduan";

describe("the assessors' CSV import", () => {
  it("reads rows with their line numbers, and treats an empty pengaduan cell as no override", () => {
    const result = parse([header, "2023,81.02,,Puskesmas Watdek,8.72,10.76,20.76,9.61", "2024,53.71,17,,20,30.5,24,"].join("\n"));
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, year: 2023, methodologyId: "2023.1", regionCode: "81.02", unitId: null, unitName: "Puskesmas Watdek", points: { input: 8.72, proses: 10.76, output: 20.76, pengaduan: 9.61 } },
      { line: 3, year: 2024, methodologyId: "2024.1", regionCode: "53.71", unitId: "17", unitName: null, points: { input: 20, proses: 30.5, output: 24 } },
    ]);
  });

  it("reads a spreadsheet saved in Indonesian: semicolons, decimal commas, Indonesian column names, a BOM and CRLF", () => {
    const text = "\uFEFFTahun;Kode Wilayah;Nama Unit;Input;Proses;Output\r\n2023;53.18;Dinas Sosial;8,72;10,76;20,76\r\n";
    expect(parse(text)).toEqual({
      errors: [],
      rows: [{ line: 2, year: 2023, methodologyId: "2023.1", regionCode: "53.18", unitId: null, unitName: "Dinas Sosial", points: { input: 8.72, proses: 10.76, output: 20.76 } }],
    });
  });

  it("reads tab-separated text pasted from a spreadsheet, and a quoted decimal comma in a comma file", () => {
    expect(parse("year\tregion_code\tunit_id\tinput\tproses\toutput\n2023\t53.01\t4\t1\t2\t3").rows[0]?.points).toEqual({ input: 1, proses: 2, output: 3 });
    expect(parse('year,region_code,unit_id,input,proses,output\n2023,53.01,4,"8,5",2,3').rows[0]?.points).toEqual({ input: 8.5, proses: 2, output: 3 });
  });

  it("feeds the assessment directly: Puskesmas Watdek's published points give its published 49.85", () => {
    const { rows } = parse([header, "2023,81.02,watdek,Puskesmas Watdek,8.72,10.76,20.76,9.61"].join("\n"));
    const result = computeAssessment({
      methodology: methodologies.find((m) => m.id === rows[0]?.methodologyId)!,
      ...window2023,
      units: rows.map((r) => ({ unitId: r.unitId ?? r.line, regionCode: r.regionCode, assessorPoints: r.points })),
    });
    expect(result.units[0]).toMatchObject({ total: 49.85, zone: "red" });
  });

  it("reports every bad cell with its line and column, and keeps the good rows", () => {
    const text = [
      header,
      "2023,53.01,1,,21.85,32.37,24.24,21.54",
      "23,53.01,2,,1,1,1,",
      "2019,53.01,3,,1,1,1,",
      "2023,5301,4,,1,1,1,",
      "2023,53.01,,,1,1,1,",
      "2023,53.01,6,,abc,-1,8.7.2,",
      "2023,53.01,7,,21.86,1,1,21.55",
      "2023,53.01,8,,,1,1,",
    ].join("\n");
    const { rows, errors } = parse(text);
    expect(rows.map((r) => r.unitId)).toEqual(["1"]);
    expect(errors).toEqual([
      { line: 3, column: "year", messageKey: "scoring.csv.year_invalid" },
      { line: 4, column: "year", messageKey: "scoring.csv.year_without_methodology", params: { year: 2019 } },
      { line: 5, column: "region_code", messageKey: "errors.region_code_format" },
      { line: 6, column: null, messageKey: "scoring.csv.unit_missing" },
      { line: 7, column: "input", messageKey: "scoring.csv.number_invalid", params: { value: "abc" } },
      { line: 7, column: "proses", messageKey: "scoring.csv.number_invalid", params: { value: "-1" } },
      { line: 7, column: "output", messageKey: "scoring.csv.number_invalid", params: { value: "8.7.2" } },
      { line: 8, column: "input", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 21.85 } },
      { line: 8, column: "pengaduan", messageKey: "scoring.errors.points_out_of_range", params: { minimum: 0, maximum: 21.54 } },
      { line: 9, column: "input", messageKey: "errors.required" },
    ]);
  });

  it("names the second line of a unit listed twice, by id or by its name in any case", () => {
    const text = [header, "2023,53.01,,Dinas Sosial,1,1,1,", "2023,53.01,,DINAS  SOSIAL,2,2,2,", "2023,53.02,,Dinas Sosial,1,1,1,", "2024,53.01,,Dinas Sosial,1,1,1,"].join("\n");
    expect(parse(text).errors).toEqual([{ line: 3, column: null, messageKey: "scoring.csv.duplicate_row", params: { firstLine: 2 } }]);
  });

  it("reports a line with the wrong number of cells, but tolerates empty trailing cells", () => {
    const { rows, errors } = parse([header, "2023,53.01,1,,1,1,1", "2023,53.01,2,,1,1,1,,,", "2023,53.01,3,,1,1,1,2,9"].join("\n"));
    expect(rows.map((r) => r.unitId)).toEqual(["2"]);
    expect(errors).toEqual([
      { line: 2, column: null, messageKey: "scoring.csv.column_count", params: { expected: 8, actual: 7 } },
      { line: 4, column: null, messageKey: "scoring.csv.column_count", params: { expected: 8, actual: 9 } },
    ]);
  });

  it("checks the header: unknown, repeated, unnamed and missing columns, each reported once", () => {
    expect(parse("year,region_code,unit_name,input,proses,output,skor\n2023,53.01,X,1,1,1,1").errors).toEqual([
      { line: 1, column: "skor", messageKey: "scoring.csv.unknown_column", params: { column: "skor" } },
    ]);
    expect(parse("year,tahun,region_code,unit_id,,input,proses,output\n").errors).toEqual([
      { line: 1, column: "tahun", messageKey: "scoring.csv.duplicate_column", params: { column: "tahun" } },
      { line: 1, column: null, messageKey: "scoring.csv.blank_column", params: { position: 5 } },
    ]);
    expect(parse("input,proses,output\n1,1,1").errors).toEqual([
      { line: 1, column: null, messageKey: "scoring.csv.missing_column", params: { column: "year" } },
      { line: 1, column: null, messageKey: "scoring.csv.missing_column", params: { column: "region_code" } },
      { line: 1, column: null, messageKey: "scoring.csv.missing_column", params: { column: "unit_id / unit_name" } },
    ]);
    const noOutput = parse("year,region_code,unit_id,input,proses\n2023,53.01,1,1,1\n2023,53.01,2,1,1");
    expect(noOutput).toEqual({ rows: [], errors: [{ line: 1, column: null, messageKey: "scoring.csv.missing_column", params: { column: "output" } }] });
  });

  it("reports the line a row starts on when a quoted cell spans lines, and the line of an unclosed quote", () => {
    const { rows } = parse([header, '2023,53.01,,"Puskesmas', 'Kolser",1,1,1,', "2023,53.01,,Dinas Sosial,1,1,1,"].join("\n"));
    expect(rows.map((r) => [r.line, r.unitName])).toEqual([
      [2, "Puskesmas Kolser"],
      [4, "Dinas Sosial"],
    ]);
    expect(parse([header, "2023,53.01,1,,1,1,1,", '2023,53.01,"2,,1,1,1,'].join("\n")).errors).toEqual([
      { line: 3, column: null, messageKey: "scoring.csv.unreadable", params: { code: "CSV_QUOTE_NOT_CLOSED" } },
    ]);
  });

  it("says so when the file is empty or has no rows, and skips blank lines", () => {
    expect(parse("").errors).toEqual([{ line: 1, column: null, messageKey: "scoring.csv.empty_file" }]);
    expect(parse(" \n\n").errors).toEqual([{ line: 1, column: null, messageKey: "scoring.csv.empty_file" }]);
    expect(parse(`${header}\n`).errors).toEqual([{ line: 2, column: null, messageKey: "scoring.csv.no_rows" }]);
    expect(parse(`${header}\n\n2023,53.01,1,,1,1,1,\n\n`).rows.map((r) => r.line)).toEqual([3]);
  });

  it("takes each row's columns from its own year: a dimension added in a later year is refused on earlier rows", () => {
    const base = methodologies.find((m) => m.id === "2024.1")!;
    const with2026 = [
      ...methodologies,
      parseMethodology({
        ...structuredClone(base),
        id: "2026.1",
        year: 2026,
        dimensions: [
          ...base.dimensions.map((d) => (d.key === "output" ? { ...d, weight: 14.24 } : d)),
          { key: "kepuasan", variables: [], weight: 10, origin: "assessor", assumed: true, sourceIds: ["domain_brief"] },
        ],
      }),
    ];
    const text = ["year,region_code,unit_id,input,proses,output,kepuasan", "2026,53.01,1,1,1,1,9.5", "2023,53.01,2,1,1,1,", "2023,53.01,3,1,1,1,4", "2026,53.01,4,1,1,1,"].join("\n");
    const { rows, errors } = parseAssessorCsv(text, with2026);
    expect(rows.map((r) => [r.unitId, r.points])).toEqual([
      ["1", { input: 1, proses: 1, output: 1, kepuasan: 9.5 }],
      ["2", { input: 1, proses: 1, output: 1 }],
    ]);
    expect(errors).toEqual([
      { line: 4, column: "kepuasan", messageKey: "scoring.csv.dimension_not_in_year", params: { year: 2023 } },
      { line: 5, column: "kepuasan", messageKey: "errors.required" },
    ]);
  });
});
