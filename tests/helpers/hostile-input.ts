import fc from "fast-check";

/**
 * Inputs an attacker or a broken client sends: injection strings, Unicode that confuses display
 * and comparison, control characters, wrong JSON types and absurd shapes. Shared by the
 * bad-input and security suites.
 */

/** Strings that have broken web applications before (each one a known class of attack or bug). */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "nul\u0000byte",
  "\u0000\u0001\u0002\u0007\b\u000b\u000c\u000e\u001b[31m\u001f\u007f",
  "\r\n\r\nSet-Cookie: pgh_session=stolen",
  "\t\t\t",
  "' OR '1'='1",
  "'; DROP TABLE \"Complaint\"; --",
  "1; SELECT pg_sleep(5); --",
  "\" OR 1=1 --",
  "%' AND 1=0 UNION SELECT email, \"passwordHash\" FROM \"User\" --",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "javascript:alert(1)",
  "<iframe srcdoc=\"<script>alert(1)</script>\">",
  "</textarea><script>alert(1)</script>",
  "{{7*7}}",
  "${7*7}",
  "<%= 7*7 %>",
  "<%- include('/etc/passwd') %>",
  "#{7*7}",
  "{{constructor.constructor('return process')().exit()}}",
  "__proto__",
  "constructor",
  "=HYPERLINK(\"http://evil.example\",\"klik\")",
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "/etc/passwd\u0000.png",
  "%00%2e%2e%2f%2e%2e%2f",
  "%s%s%s%n",
  "\u202Egnp.exe",
  "\u200B\u200C\u200D\u2060\uFEFF",
  "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD",
  "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034DA\u036B\u0357",
  "\uD800",
  "\uDFFF\uD800",
  "\uFFFD\uFFFE\uFFFF",
  "😀👨‍👩‍👧‍👦🇮🇩",
  "ＡＢＣ０１２＜ｓｃｒｉｐｔ＞",
  "1e309",
  "-0",
  "NaN",
  "9".repeat(400),
  "a".repeat(6000),
  "<".repeat(3000),
  "null",
  "undefined",
  "true",
  "[object Object]",
] as const;

/** A hostile string: a known one, random Unicode (any code point), or a mix of both. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 20 })).map(([a, b]) => a + b) },
  );

/** A value of a type nobody expects where a string or an object belongs. */
export const wrongTypedValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(1e308),
    fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
    fc.constant({ __proto__: { isAdmin: true } }),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
  );

/** Any JSON value at all, to put where an object with known fields is expected. */
export const anyJson = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 4 });

/** An object nested `depth` levels deep ({"a":{"a":...}}), as text: body parsers must not recurse forever. */
export function deeplyNestedJson(depth: number, key = "a"): string {
  return `${`{"${key}":`.repeat(depth)}1${"}".repeat(depth)}`;
}

/** The same, as a form body (a[a][a]...=1), which qs parses into nested objects. */
export function deeplyNestedForm(depth: number, key = "a"): string {
  return `${key}${`[${key}]`.repeat(depth)}=1`;
}

/** Bytes that are not UTF-8 at all: stray continuation bytes, overlong forms, surrogates, 0xFF. */
export const INVALID_UTF8 = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0xc3]),
] as const;

/** A JSON body whose string values contain invalid UTF-8 bytes (the rest of the document is fine). */
export const invalidUtf8Json = (): fc.Arbitrary<Buffer> =>
  fc
    .tuple(fc.constantFrom(...INVALID_UTF8), fc.constantFrom("subject", "description", "email", "regionCode", "name"))
    .map(([bytes, field]) => Buffer.concat([Buffer.from(`{"${field}":"ab`), bytes, Buffer.from(`cd","regionCode":"53.01"}`)]));

/** A random IPv4 address for X-Forwarded-For, so a property's hundreds of requests meet no rate limit. */
export const randomClientIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** Runs per property: a few hundred where a run is one request; more only where a run is cheap. */
export const RUNS = { request: 100, upload: 40, cheap: 500 } as const;

/** Time for a property of many requests on a loaded two-core machine. */
export const PROPERTY_TIMEOUT_MS = 180_000;

/** Percent-encodes any string as UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, "utf8")].map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

/** Path segments that are not valid percent-encoded UTF-8, or not percent-encoding at all. */
export const BROKEN_PATH_SEGMENTS = ["%", "%zz", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%FF", "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%2Fb"] as const;
