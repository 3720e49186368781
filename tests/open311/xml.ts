import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

/** Containers whose children are repeated elements (the Spark convention's arrays). */
const ARRAY_ITEMS = new Set(["service", "request", "attribute", "value", "error", "endpoint", "format"]);

/**
 * Parses an Open311 XML response strictly (a document that is not well-formed fails the test)
 * and returns it in the spec's JSON shape, so a test can compare the two formats.
 */
export function parseOpen311Xml(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreDeclaration: true,
    parseTagValue: false,
    processEntities: true,
    isArray: (name) => ARRAY_ITEMS.has(name),
  });
  const document = parser.parse(xml) as Record<string, unknown>;
  const [root] = Object.values(document);
  return unwrap(root);
}

/** <services><service>…</service></services> becomes the array of services; "" (empty element) becomes null. */
function unwrap(node: unknown): unknown {
  if (node === "") return null;
  if (Array.isArray(node)) return node.map(unwrap);
  if (node && typeof node === "object") {
    const entries = Object.entries(node);
    if (entries.length === 1 && ARRAY_ITEMS.has(entries[0]![0])) return unwrap(entries[0]![1]);
    return Object.fromEntries(entries.map(([key, value]) => [key, unwrap(value)]));
  }
  return node;
}

/** The JSON answer with every scalar as XML text carries it, to compare with parseOpen311Xml's result. */
export function asXmlText(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, asXmlText(entry)]));
  return String(value);
}
