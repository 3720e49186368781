import type { Tx } from "../db.js";
import type { FactKind } from "./unit-fact-kinds.js";

/** The part of a Prisma model delegate the unit-fact use cases need (the five tables share it). */
export interface FactTable {
  findMany(args: { where: { unitId: number }; orderBy: Array<Record<string, "asc" | "desc">> }): Promise<Array<Record<string, unknown> & { id: number }>>;
  findFirst(args: { where: { id: number; unitId: number } }): Promise<(Record<string, unknown> & { id: number }) | null>;
  create(args: { data: Record<string, unknown> }): Promise<{ id: number }>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<{ id: number }>;
  delete(args: { where: { id: number } }): Promise<unknown>;
}

/** The table of each kind of unit fact, and how its rows are listed (most relevant first). */
export function factTable(tx: Tx, kind: FactKind): { table: FactTable; orderBy: Array<Record<string, "asc" | "desc">> } {
  switch (kind) {
    case "channel":
      return { table: tx.complaintChannel as unknown as FactTable, orderBy: [{ openedDate: "asc" }, { id: "asc" }] };
    case "officer":
      return { table: tx.complaintOfficer as unknown as FactTable, orderBy: [{ appointedFrom: "desc" }, { id: "desc" }] };
    case "procedure":
      return { table: tx.complaintProcedure as unknown as FactTable, orderBy: [{ id: "desc" }] };
    case "periodic_report":
      return { table: tx.periodicReport as unknown as FactTable, orderBy: [{ dueDate: "desc" }, { id: "desc" }] };
    case "corrective_action":
      return { table: tx.correctiveAction as unknown as FactTable, orderBy: [{ receivedDate: "desc" }, { id: "desc" }] };
  }
}
