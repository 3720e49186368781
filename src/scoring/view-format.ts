/**
 * How the score pages write numbers and dates, per language: points with two decimals as
 * published (Indonesian "47,41", English "47.41"), rates as whole percentages, instants as WITA
 * dates, civil dates as dates. Pure: values in, text out.
 */
export function scoreFormatters(locale: string) {
  const tag = locale === "en" ? "en-GB" : "id-ID";
  const points = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "Asia/Makassar" });
  const civilDay = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
  const dayTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Makassar" });
  const dash = "—";
  return {
    points: (value: number | null | undefined) => (value === null || value === undefined ? dash : points.format(value)),
    integer: (value: number | null | undefined) => (value === null || value === undefined ? dash : integer.format(value)),
    /** A level (0-3) as a whole number, a rate (0-1) as a percentage. */
    value: (value: number | null | undefined, kind: string) => (value === null || value === undefined ? dash : kind === "rate" ? percent.format(value) : integer.format(value)),
    percent: (value: number | null | undefined) => (value === null || value === undefined ? dash : percent.format(value)),
    /** An instant (Date) as a WITA date, or a civil date ("YYYY-MM-DD") as that date. */
    date: (value: Date | string | null | undefined) => {
      if (value === null || value === undefined || value === "") return dash;
      if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? civilDay.format(new Date(`${value}T00:00:00Z`)) : value;
      return day.format(value);
    },
    dateTime: (value: Date | null | undefined) => (value ? dayTime.format(value) : dash),
  };
}

export type ScoreFormatters = ReturnType<typeof scoreFormatters>;
