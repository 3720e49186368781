import crypto from "node:crypto";
import type { CurrentUser } from "../accounts/roles.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { db, transaction } from "../db.js";
import { planNewCaseDeadlines, storeNewCaseDeadlines } from "../deadlines/start-new-case-deadlines.js";
import { indexNewComplaint } from "../duplicates/index-complaints.js";
import type { StoredUnit } from "../duplicates/matching-input.js";
import { Prisma } from "../generated/prisma/client.js";
import { scheduleDuplicateChecks } from "../duplicates/schedule-duplicate-check.js";
import { forbidden, ValidationError, type FieldIssue } from "../http/errors.js";
import type { Locale } from "../i18n/index.js";
import { queueEmail } from "../notifications/queue-email.js";
import { hashAccessCode, newAccessCode } from "./access-code.js";
import { civilDateIn, incidentDateProblem, yearsBefore } from "./intake-rules.js";
import { canRegisterComplaint } from "./policy.js";
import type { ComplaintInput, StaffIntake } from "./schemas.js";
import { formatAccessCode, generateTrackingNumber } from "./tracking-number.js";
import type { StoredFile } from "./uploads.js";
import type { Channel } from "./vocabulary.js";

export interface SubmitComplaint {
  input: ComplaintInput;
  /** web | api | open311 for citizens; staff give theirs in `staff.channel`. */
  channel: Channel;
  /** The staff member registering a complaint received by another channel. */
  staffUser?: CurrentUser;
  staff?: StaffIntake;
  /** Same key, same complaint: a double click or a retried request never files twice. */
  submissionKey?: string | null;
  files?: StoredFile[];
  locale: Locale;
  now?: Date;
}

const randomIndex = (n: number) => crypto.randomInt(n);

/**
 * Files a complaint from any channel: checks the rules that need the database or the date, stores
 * the complaint, its reporter, its evidence and the first audit entry in one transaction, emails
 * the reporter their tracking number and access code, and (after commit) starts the follow-up jobs.
 */
export async function submitComplaint(command: SubmitComplaint) {
  const now = command.now ?? new Date();
  const existing = command.submissionKey ? await findBySubmissionKey(command.submissionKey) : null;
  if (existing) return existing;

  const { input, staff, staffUser } = command;
  const pemda = await findActiveRegionWithUnits(input.regionCode);
  const issues: FieldIssue[] = [];
  if (!pemda) throw new ValidationError([{ path: "regionCode", messageKey: "errors.region_unknown" }]);
  const { region, units } = pemda;
  if (input.unitId && !units.some((unit) => unit.id === input.unitId && unit.isActive)) issues.push({ path: "unitId", messageKey: "errors.unit_not_in_region" });
  const desk = staff?.desk ?? "ombudsman";
  if (staffUser && !canRegisterComplaint(staffUser, desk, region.id)) throw forbidden();

  const today = civilDateIn(region.timeZone, now);
  const receivedDate = staff?.receivedAt ?? today;
  if (receivedDate > today) issues.push({ path: "receivedAt", messageKey: "errors.received_in_future" });
  const incidentProblem = incidentDateProblem(input.incidentDate, receivedDate);
  if (incidentProblem === "future") issues.push({ path: "incidentDate", messageKey: "errors.incident_in_future" });
  if (incidentProblem === "too_old") issues.push({ path: "incidentDate", messageKey: "errors.incident_too_old", params: { earliest: nextDay(yearsBefore(receivedDate, 2)) } });
  if (input.priorComplaint.date && input.priorComplaint.date > today) issues.push({ path: "priorComplaint.date", messageKey: "errors.date_in_future" });
  if (issues.length) throw new ValidationError(issues);

  const channel = staff?.channel ?? command.channel;
  const receivedAt = receivedDate === today ? now : new Date(`${receivedDate}T00:00:00+08:00`);
  // Imported registers have no access code until staff issue one; everyone else gets one now.
  const accessCode = channel === "inspektorat_register" ? null : newAccessCode(command.submissionKey);

  for (let attempt = 0; ; attempt++) {
    const trackingNumber = generateTrackingNumber(randomIndex);
    try {
      const complaint = await transaction(async (tx, afterCommit) => {
        // Computed before the complaint is stored, so that it is inserted with its nextDueAt.
        const deadlines = await planNewCaseDeadlines(tx, { regionCode: region.code, event: "received", at: receivedAt });
        const reporter = {
          name: input.reporter.name,
          nik: input.reporter.nik ?? null,
          phone: input.reporter.phone ?? null,
          email: input.reporter.email ?? null,
          address: input.reporter.address ?? null,
          confidentiality: input.reporter.confidentiality,
        };
        const created = await tx.complaint.create({
          data: {
            trackingNumber,
            accessCodeHash: accessCode ? hashAccessCode(accessCode) : null,
            status: "received",
            desk,
            channel,
            externalRef: staff?.externalRef ?? null,
            receivedAt,
            regionId: region.id,
            unitId: input.unitId ?? null,
            unitName: input.unitId ? null : (input.unitName ?? null),
            subject: input.subject,
            description: input.description,
            incidentDate: input.incidentDate,
            category: input.category ?? null,
            hasPriorComplaint: input.priorComplaint.made,
            priorComplaintTo: input.priorComplaint.made ? (input.priorComplaint.to ?? null) : null,
            priorComplaintDate: input.priorComplaint.made ? (input.priorComplaint.date ?? null) : null,
            priorComplaintResponse: input.priorComplaint.made ? (input.priorComplaint.response ?? null) : null,
            locale: command.locale,
            submissionKey: command.submissionKey ?? null,
            createdById: staffUser?.id ?? null,
            createdAt: now,
            nextDueAt: deadlines.summary.nextDueAt,
            overdueSince: deadlines.summary.overdueSince,
          },
          select: { id: true, trackingNumber: true, status: true, receivedAt: true },
        });
        // Not a nested create: Prisma reads the complaint back after one.
        await tx.reporter.create({ data: { complaintId: created.id, ...reporter }, select: { id: true } });
        if (command.files?.length) {
          await tx.attachment.createMany({
            data: command.files.map((file) => ({ ...file, complaintId: created.id, uploadedByKind: staffUser ? "user" : "citizen", uploadedById: staffUser?.id ?? null, createdAt: now })),
          });
          await tx.pendingUpload.deleteMany({ where: { storageKey: { in: command.files.map((f) => f.storageKey) } } });
        }
        await recordAuditEvent(tx, {
          stream: `complaint:${created.id}`,
          actor: staffUser ? { kind: "user", userId: staffUser.id } : { kind: "citizen" },
          action: "complaint.received",
          entityType: "complaint",
          entityId: created.id,
          data: { channel, desk, regionCode: region.code, files: command.files?.length ?? 0, ...(staff?.externalRef ? { externalRef: staff.externalRef } : {}) },
          isPublic: true,
          at: now,
          isNewStream: true,
        });
        await storeNewCaseDeadlines(tx, afterCommit, created.id, deadlines);
        // Indexed with the complaint, so the next complaint's check finds it; the check itself runs after commit.
        await indexNewComplaint(
          tx,
          {
            id: created.id,
            regionId: region.id,
            regionCode: region.code,
            unitId: input.unitId ?? null,
            unitName: input.unitId ? null : (input.unitName ?? null),
            subject: input.subject,
            description: input.description,
            incidentDate: input.incidentDate,
            category: input.category ?? null,
            name: reporter.name,
            nik: reporter.nik,
            phone: reporter.phone,
            email: reporter.email,
          },
          units,
        );
        scheduleDuplicateChecks(afterCommit, [created.id]);
        if (accessCode && input.reporter.email) {
          await queueEmail(tx, afterCommit, {
            dedupeKey: `complaint-received:${created.id}`,
            to: input.reporter.email,
            template: "complaint-received",
            locale: command.locale,
            data: { name: input.reporter.name, trackingNumber, accessCode: formatAccessCode(accessCode), subject: input.subject, regionName: region.name },
            isNewKey: true,
          });
        }
        return created;
      });
      return { complaint, accessCode, isNew: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent retry of the same submission won the race: answer with its result.
      const raced = command.submissionKey ? await findBySubmissionKey(command.submissionKey) : null;
      if (raced) return raced;
      if (attempt >= 3) throw error; // tracking number collisions are ~1 in 10^10; three in a row is a bug
    }
  }
}

interface RegionWithUnits {
  region: { id: number; code: string; name: string; timeZone: string };
  /** All of the Pemda's units, inactive ones too (the duplicate index resolves named units among them). */
  units: Array<StoredUnit & { isActive: boolean }>;
}

/** An active Pemda by code with its units, in one statement (Prisma would take two). */
async function findActiveRegionWithUnits(code: string): Promise<RegionWithUnits | null> {
  const rows = await db.$queryRaw<
    Array<{ regionId: number | bigint; code: string; name: string; timeZone: string; regionIsActive: boolean | number; unitId: number | bigint | null; unitName: string | null; kind: string | null; aliases: string | null; unitIsActive: boolean | number | null }>
  >(Prisma.sql`SELECT r."id" AS "regionId", r."code", r."name", r."timeZone", r."isActive" AS "regionIsActive",
                      u."id" AS "unitId", u."name" AS "unitName", u."kind", u."aliases", u."isActive" AS "unitIsActive"
                 FROM "Region" r LEFT JOIN "Unit" u ON u."regionId" = r."id"
                WHERE r."code" = ${code}
                ORDER BY u."id"`);
  const first = rows[0];
  if (!first || !first.regionIsActive) return null;
  return {
    region: { id: Number(first.regionId), code: first.code, name: first.name, timeZone: first.timeZone },
    units: rows
      .filter((row) => row.unitId !== null)
      .map((row) => ({ id: Number(row.unitId), name: row.unitName!, kind: row.kind!, aliases: row.aliases ?? "", isActive: Boolean(row.unitIsActive) })),
  };
}

async function findBySubmissionKey(submissionKey: string) {
  const complaint = await db.complaint.findUnique({ where: { submissionKey }, select: { id: true, trackingNumber: true, status: true, receivedAt: true, channel: true } });
  if (!complaint) return null;
  const accessCode = complaint.channel === "inspektorat_register" ? null : newAccessCode(submissionKey);
  return { complaint: { id: complaint.id, trackingNumber: complaint.trackingNumber, status: complaint.status, receivedAt: complaint.receivedAt }, accessCode, isNew: false };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /UNIQUE constraint failed|duplicate key value/i.test(e?.message ?? "");
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
