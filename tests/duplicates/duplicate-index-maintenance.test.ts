import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCurrentUser } from "../../src/accounts/current-user.js";
import { importRegister } from "../../src/complaints/import-register.js";
import { config } from "../../src/config.js";
import { db } from "../../src/db.js";
import { PROFILE_VERSION } from "../../src/duplicates/matching-profile.js";
import { rebuildDuplicateIndex } from "../../src/duplicates/rebuild-duplicate-index.js";
import { sweepDuplicateChecks } from "../../src/duplicates/sweep-duplicate-checks.js";
import { buildUser } from "../factories.js";
import { startTestApp, stopTestApp } from "../helpers/app.js";
import { daysAgo } from "../helpers/complaints.js";
import { waitForIdleQueue } from "../../jobs/queue.js";
import { ombudsmanComplaint } from "./stored-complaints.js";

let app: Express;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(stopTestApp);

async function file(body: Record<string, unknown>) {
  const response = await request(app).post("/api/v1/complaints").send(body);
  expect(response.status).toBe(201);
  await waitForIdleQueue();
  return db.complaint.findUniqueOrThrow({ where: { trackingNumber: response.body.trackingNumber } });
}

describe("the duplicate index of imported registers", () => {
  it("indexes and checks an Inspektorat register's rows in batches, finding the Ombudsman's case a row retells", async () => {
    const ombudsman = await file(ombudsmanComplaint());
    const csv = path.join(config.dataDir, "register-duplicates.csv");
    fs.writeFileSync(
      csv,
      [
        "nomor_register,tanggal_diterima,kode_wilayah,unit_layanan,nama_pelapor,telepon,judul,uraian,tanggal_kejadian",
        `INSP/DUP/1,${daysAgo(2)},53.01,Disdukcapil,Yohanis Bere,+6281234567890,Pungli cetak e-KTP,"Sy sdh rekam e-KTP dr bln 7 tp blm dicetak. Pak Markus di loket minta 150rb biar cepat dicetak, sy tdk bayar krn KTP gratis.",${daysAgo(18)}`,
        `INSP/DUP/2,${daysAgo(2)},53.01,Puskesmas Oesao,Martha Lake,081355550001,Obat tidak tersedia,"Apotek Puskesmas Oesao tidak punya obat hipertensi selama dua minggu dan pasien disuruh membeli di luar.",${daysAgo(30)}`,
      ].join("\n"),
    );
    const user = toCurrentUser(await buildUser({ role: "focal_point", regionCode: "53.01", office: "inspektorat" }));
    const report = await importRegister({ filePath: csv, fileName: "register-duplicates.csv", desk: "inspektorat", importedBy: user, chunkSize: 1 });
    expect(report.importedCount).toBe(2);
    await waitForIdleQueue();
    const imported = await db.complaint.findMany({ where: { externalRef: { startsWith: "INSP/DUP/" } }, orderBy: { externalRef: "asc" }, include: { candidates: true, matchProfile: true } });
    expect(imported.map((c) => c.matchProfile?.version)).toEqual([PROFILE_VERSION, PROFILE_VERSION]);
    expect(imported.map((c) => c.duplicateVerdict)).toEqual(["duplicate", "none"]);
    expect(imported[0]!.candidates.map((c) => c.candidateId)).toContain(ombudsman.id);
  });
});

describe("repairing the duplicate index", () => {
  it("rebuilds the profiles of another version, and everything with --all", async () => {
    const complaint = await file(ombudsmanComplaint({ regionCode: "53.04", unitName: "Dinas Kesehatan" }));
    await db.complaintMatchProfile.update({ where: { complaintId: complaint.id }, data: { version: PROFILE_VERSION - 1, profile: "{}" } });
    await db.complaintIdentityKey.deleteMany({ where: { complaintId: complaint.id } });
    const rebuilt = await rebuildDuplicateIndex();
    expect(rebuilt).toBe(1);
    const profile = await db.complaintMatchProfile.findUniqueOrThrow({ where: { complaintId: complaint.id } });
    expect(profile.version).toBe(PROFILE_VERSION);
    expect(JSON.parse(profile.profile).regionCode).toBe("53.04");
    expect(await db.complaintIdentityKey.count({ where: { complaintId: complaint.id } })).toBeGreaterThan(0);
    expect(await rebuildDuplicateIndex()).toBe(0);
    expect(await rebuildDuplicateIndex({ all: true })).toBe(await db.complaint.count());
  });

  it("checks the complaints whose check was lost, and leaves the checked ones alone", async () => {
    const lost = await file(ombudsmanComplaint({ regionCode: "53.05", unitName: "Dinas Kesehatan" }));
    await db.complaint.update({ where: { id: lost.id }, data: { duplicateCheckedAt: null, duplicateVerdict: null, createdAt: new Date(Date.now() - 3_600_000) } });
    expect(await sweepDuplicateChecks(new Date())).toBe(1);
    await waitForIdleQueue();
    const checked = await db.complaint.findUniqueOrThrow({ where: { id: lost.id } });
    expect(checked.duplicateCheckedAt).not.toBeNull();
    expect(checked.duplicateVerdict).toBe("none");
    expect(await sweepDuplicateChecks(new Date())).toBe(0);
  });
});
