import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { publicDir } from "../paths.js";

const versions = new Map<string, string>();

/**
 * URL of a file in public/ with its content hash, so browsers may cache it for a year and still
 * get a new version the moment it changes (weak connections: download the CSS once).
 */
export function assetUrl(file: string): string {
  let version = versions.get(file);
  if (!version) {
    version = crypto.createHash("sha256").update(fs.readFileSync(path.join(publicDir, file))).digest("hex").slice(0, 10);
    versions.set(file, version);
  }
  return `/static/${file}?v=${version}`;
}
