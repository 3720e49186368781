/**
 * Tables the migrations create with hand-written SQL that Prisma's schema language cannot express
 * (the duplicate check's FTS5 index and the tables SQLite makes for it). Every diff against the
 * schema must leave them alone, or the next migration would drop them.
 */
export const EXTERNAL_TABLES = ["ComplaintSearch", "ComplaintSearch_data", "ComplaintSearch_idx", "ComplaintSearch_docsize", "ComplaintSearch_config"];
