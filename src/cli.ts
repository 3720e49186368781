import { parseArgs } from "node:util";
import { createUser } from "./accounts/create-user.js";
import { newUserSchema } from "./accounts/schemas.js";
import { SYSTEM_ACTOR } from "./audit/record-audit-event.js";
import { verifyAuditChain } from "./audit/verify-audit-chain.js";
import { BACKUP_USAGE, backupCreateCommand, backupRestoreCommand, backupVerifyCommand } from "./backup/backup-command.js";
import { importComplaintsCommand } from "./complaints/import-register-command.js";
import { db } from "./db.js";
import { rebuildDuplicateIndex } from "./duplicates/rebuild-duplicate-index.js";
import { seedDeadlineReferenceData } from "./deadlines/seed-deadline-reference-data.js";
import { applyMigrations } from "./db/migrate.js";
import { ValidationError } from "./http/errors.js";
import { parse } from "./http/validate.js";
import { translator } from "./i18n/index.js";
import { seedReferenceData } from "./regions/seed-reference-data.js";
import { seedRouting } from "./routing/seed-routing.js";
import { seedMethodologies } from "./scoring/seed-methodologies.js";
import { seedLetterTemplates } from "./letters/seed-letter-templates.js";

const USAGE = `Usage: npm run cli -- <command>

  migrate                         apply pending database migrations
  seed                            seed reference data (Pemda, units); safe to repeat
  user add --email E --role R [--password P] [--region CODE] [--office inspektorat|organisasi] [--name N] [--locale id|en]
                                  create a staff account; roles: admin, assistant, focal_point, auditor.
                                  Without --password an invitation link is emailed (and printed).
  audit verify [--stream S]       re-compute the audit trail's hash chain and report tampering
  import complaints --desk inspektorat FILE.csv [--region CODE] [--as EMAIL]
                                  import an Inspektorat's complaint register (CSV); exit 65 if rows were refused
  duplicates rebuild [--all]      rebuild the duplicate index of complaints whose profile is missing or of an older
                                  version (--all: every complaint, needed after MATCHING_SECRET changes)
${BACKUP_USAGE}
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async migrate() {
    const result = await applyMigrations();
    console.log(result.applied.length ? `Applied: ${result.applied.join(", ")}` : "Database is up to date.");
    return 0;
  },

  async seed() {
    await applyMigrations();
    const result = await seedReferenceData();
    const routing = await seedRouting();
    await seedLetterTemplates();
    console.log(`Seeded ${result.regionsCreated} Pemda, ${result.unitsCreated} units, ${routing.officesCreated} focal-point offices and ${routing.rulesCreated} routing rules (existing ones left as they are).`);
    console.log(`Seeded ${(await seedMethodologies()).created.length} assessment methodology versions (stored ones left as they are).`);
    const deadlines = await seedDeadlineReferenceData();
    console.log(`Seeded ${deadlines.policyVersionsCreated} deadline policy versions and ${deadlines.holidaysCreated} official holidays (years already entered left as they are).`);
    return 0;
  },

  async "user add"(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, region: { type: "string" }, office: { type: "string" }, name: { type: "string" }, locale: { type: "string" } },
      strict: true,
    });
    const input = parse(newUserSchema, {
      email: values.email,
      password: values.password,
      role: values.role,
      regionCode: values.region,
      office: values.office,
      name: values.name ?? values.email?.split("@")[0],
      locale: values.locale,
    });
    const { user, invitationUrl } = await createUser(input, SYSTEM_ACTOR);
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (invitationUrl) console.log(`Invitation link (also emailed): ${invitationUrl}`);
    return 0;
  },

  async "audit verify"(args) {
    const { values } = parseArgs({ args, options: { stream: { type: "string" } }, strict: true });
    const result = await verifyAuditChain({ stream: values.stream });
    if (result.isIntact) {
      console.log(`Audit trail intact: ${result.checked} entries verified.`);
      return 0;
    }
    console.error(`Audit trail BROKEN: ${result.problems.length} problem(s) in ${result.checked} entries.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  ${p.stream} #${p.seq} (event ${p.eventId}): ${p.problem}`);
    return 2;
  },

  "import complaints": importComplaintsCommand,

  "backup create": backupCreateCommand,
  "backup verify": backupVerifyCommand,
  "backup restore": backupRestoreCommand,

  async "duplicates rebuild"(args) {
    const { values } = parseArgs({ args, options: { all: { type: "boolean", default: false } }, strict: true });
    const count = await rebuildDuplicateIndex({ all: values.all });
    console.log(`Duplicate index rebuilt for ${count} complaints.`);
    // Complaints never checked (stored before the check existed) are then checked by the running server's sweep.
    return 0;
  },
};

async function main(argv: string[]) {
  const twoWord = `${argv[0]} ${argv[1]}`;
  const [name, rest] = commands[twoWord] ? [twoWord, argv.slice(2)] : [argv[0] ?? "", argv.slice(1)];
  const command = commands[name];
  if (!command) {
    console.error(USAGE);
    return name && name !== "help" && name !== "--help" ? 64 : 0;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof ValidationError) {
      const t = translator("en");
      for (const issue of error.issues) console.error(`  --${issue.path || "input"}: ${t(issue.messageKey, issue.params)}`);
      return 65;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

main(process.argv.slice(2)).then(async (code) => {
  await db.$disconnect();
  process.exit(code);
});
