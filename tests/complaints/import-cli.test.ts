import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { projectRoot } from "../../src/paths.js";
import { buildUser } from "../factories.js";

const run = promisify(execFile);
const fixture = (name: string) => path.join("tests", "fixtures", "registers", name);

/** `npm run cli -- import complaints …` as a separate process on this test file's database. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(projectRoot, "src", "cli.ts"), "import", "complaints", ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir, NODE_ENV: "test" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run cli -- import complaints", { timeout: 60_000 }, () => {
  it("prints the report and exits with 65 when rows were refused", async () => {
    const result = await cli("--desk", "inspektorat", fixture("kupang-mixed.csv"));
    expect(result.code).toBe(65);
    const lines = result.stdout.split("\n");
    // Without --as the operator imports for every Pemda, so the row of 53.02 is imported too.
    expect(lines[0]).toBe("tests/fixtures/registers/kupang-mixed.csv: 9 data rows, 5 imported, 0 already present (skipped), 4 refused.");
    expect(lines.slice(1, 3)).toEqual(["  line 4:", "    column nik: A NIK has 16 digits."]);
    expect(result.stdout).toContain("  line 8:\n    column nomor_register: Register number INSP-KPG/2025/001 is already on line 2 of this file.");
    const imported = await db.complaint.findFirstOrThrow({ where: { externalRef: "INSP-TTS/2025/001" }, select: { createdById: true, desk: true } });
    expect(imported).toEqual({ createdById: null, desk: "inspektorat" });
  });

  it("exits with 0 when every row is imported, and again when the same file is already in", async () => {
    const focal = await buildUser({ role: "focal_point", regionCode: "53.01", locale: "id" });
    const first = await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--region", "53.01", "--as", focal.email);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("semicolon-bom.csv: 2 baris data, 2 diimpor, 0 sudah ada (dilewati), 0 ditolak.");
    const again = await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--as", focal.email);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("2 baris data, 0 diimpor, 2 sudah ada (dilewati), 0 ditolak.");
    expect(await db.complaint.count({ where: { externalRef: { in: ["053/ITDA/VI/2025", "054/ITDA/VI/2025"] }, createdById: focal.id } })).toBe(2);
  });

  it("refuses a staff member who may not import, and a focal point's import for another Pemda", async () => {
    const assistant = await buildUser({ role: "assistant" });
    expect((await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--as", assistant.email)).code).toBe(77);
    const focal = await buildUser({ role: "focal_point", regionCode: "53.02", locale: "en" });
    expect((await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--region", "53.01", "--as", focal.email)).code).toBe(77);
    const ownRegion = await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--as", focal.email);
    expect(ownRegion.code).toBe(65);
    expect(ownRegion.stdout).toContain("column Kode Wilayah: This row is for Pemda 53.01, not this register's Pemda (53.02).");
  });

  it("explains a wrong command line, an unknown account and a missing file", async () => {
    const noDesk = await cli(fixture("semicolon-bom.csv"));
    expect(noDesk.code).toBe(64);
    expect(noDesk.stderr).toContain("import complaints --desk inspektorat FILE.csv");
    expect((await cli("--desk", "ombudsman", fixture("semicolon-bom.csv"))).code).toBe(64);
    expect((await cli("--desk", "inspektorat", fixture("semicolon-bom.csv"), "--as", "nobody@penghubung.test")).code).toBe(67);
    const missing = await cli("--desk", "inspektorat", "tests/fixtures/registers/none.csv");
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("tests/fixtures/registers/none.csv: The file cannot be opened.");
  });
});
