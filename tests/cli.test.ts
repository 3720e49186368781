import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { config } from "../src/config.js";
import { db } from "../src/db.js";
import { projectRoot } from "../src/paths.js";

const run = promisify(execFile);

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(projectRoot, "src", "cli.ts"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir, NODE_ENV: "test" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run cli", () => {
  it("adds a focal point bound to a Pemda and office", async () => {
    const result = await cli("user", "add", "--email", "Fokal@TTS.go.id", "--password", "sandi fokal panjang", "--role", "focal_point", "--region", "53.02", "--office", "organisasi", "--name", "Fokal TTS");
    expect(result.stdout).toContain("Created focal_point fokal@tts.go.id");
    expect(result.code).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { email: "fokal@tts.go.id" }, include: { region: true } });
    expect(user).toMatchObject({ role: "focal_point", office: "organisasi", name: "Fokal TTS" });
    expect(user.region?.name).toBe("Kabupaten Timor Tengah Selatan");
  });

  it("explains every problem with the options and creates nothing", async () => {
    const result = await cli("user", "add", "--email", "bad", "--role", "superuser");
    expect(result.code).toBe(65);
    expect(result.stderr).toContain("--email");
    expect(result.stderr).toContain("--role");
    expect(await db.user.count({ where: { email: "bad" } })).toBe(0);
  });

  it("verifies the audit trail", async () => {
    const result = await cli("audit", "verify");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Audit trail intact: \d+ entries verified\./);
  });

  it("prints its usage for an unknown command", async () => {
    const result = await cli("frobnicate");
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("user add --email E --role R");
  });
});
