import fs from "node:fs";
import path from "node:path";
import { Router, type Request, type RequestHandler } from "express";
import multer from "multer";
import { config } from "../config.js";
import { forbidden, unauthenticated, ValidationError } from "../http/errors.js";
import { form } from "../http/form.js";
import { readableMultipart } from "../http/multipart.js";
import { findRegionByCode, listRegions } from "../regions/list-regions.js";
import { importRegister, mayImportRegister } from "./import-register.js";
import { refusalReasons } from "./import-report.js";
import { civilDateIn } from "./intake-rules.js";
import { REGISTER_COLUMNS } from "./register-columns.js";
import { registerTemplateCsv } from "./register-template.js";

export const registerImportRoutes = Router();

/** A register of 100,000 rows is about 40 MB; the file goes to disk, never into memory whole. */
const MAX_REGISTER_BYTES = 60 * 1024 * 1024;
const upload = readableMultipart(multer({ dest: path.join(config.dataDir, "tmp"), limits: { fileSize: MAX_REGISTER_BYTES, files: 1, fields: 10, parts: 11 } }).single("file"));

const importers: RequestHandler = (req, _res, next) => next(!req.user ? unauthenticated() : mayImportRegister(req.user) ? undefined : forbidden());
registerImportRoutes.use("/staff/complaints/import", importers);

/** What the upload form shows: the Pemda (fixed for a focal point, a choice for administrators) and the column documentation. */
async function importFormLocals(req: Request) {
  const regions = await listRegions();
  const own = req.user!.role === "focal_point" ? (regions.find((r) => r.id === req.user!.regionId) ?? null) : null;
  return { title: req.t("register_import.title"), regions: own ? [] : regions, ownRegion: own, columns: REGISTER_COLUMNS, maxMb: MAX_REGISTER_BYTES / 1024 / 1024 };
}

registerImportRoutes.get("/staff/complaints/import", async (req, res) => {
  res.render("complaints/import", { ...(await importFormLocals(req)), values: { regionCode: "" }, errors: {} });
});

/** The Pemda of the template's example row: a focal point's own, otherwise the first kabupaten/kota. */
async function templateRegion(req: Request) {
  if (req.user!.role === "focal_point") return findRegionByCode({ id: req.user!.regionId! });
  const first = (await listRegions()).find((r) => r.kind !== "province");
  return first ? findRegionByCode(first.code) : null;
}

registerImportRoutes.get("/staff/complaints/import/template.csv", async (req, res) => {
  const region = await templateRegion(req);
  res.attachment("register-pengaduan-inspektorat.csv").type("text/csv; charset=utf-8");
  res.send(registerTemplateCsv({ regionCode: region?.code ?? "", today: civilDateIn(region?.timeZone ?? "Asia/Makassar", new Date()) }));
});

registerImportRoutes.post("/staff/complaints/import", form("complaints/import", importFormLocals), upload, async (req, res) => {
  const file = req.file;
  try {
    if (!file) throw new ValidationError([{ path: "file", messageKey: "register_import.errors.file_required" }]);
    const report = await importRegister({
      filePath: file.path,
      fileName: file.originalname,
      desk: "inspektorat",
      regionCode: typeof req.body?.regionCode === "string" && req.body.regionCode ? req.body.regionCode : null,
      importedBy: req.user!,
    });
    res.render("complaints/import-report", { title: req.t("register_import.report_title"), report, reasonsOf: (row: Parameters<typeof refusalReasons>[0]) => refusalReasons(row, req.t) });
  } finally {
    if (file) await fs.promises.rm(file.path, { force: true });
  }
});
