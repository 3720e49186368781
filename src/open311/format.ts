import type { Response } from "express";
import { create } from "xmlbuilder2";

/** The response formats of GeoReport v2: XML is required by the spec, JSON is offered too. */
export const FORMATS = ["json", "xml"] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (value: unknown): value is Format => typeof value === "string" && (FORMATS as readonly string[]).includes(value);

/** The format a path asks for (".xml" or ".json"); errors on paths without one are answered in JSON. */
export const formatOfPath = (path: string): Format => (/\.xml$/i.test(path) ? "xml" : "json");

type XMLBuilder = ReturnType<typeof create>;
type Scalar = string | number | boolean | null | undefined;
export type Open311Value = Scalar | Open311Value[] | { [key: string]: Open311Value };

/**
 * The element name of the items of each container. GeoReport v2 maps XML to JSON with the Spark
 * convention: a container element holds one kind of child and becomes a JSON array, so the XML
 * needs the child's name back.
 */
const ITEM_OF: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
};

/**
 * XML text of an Open311 document: `root` names the top element, arrays become containers of
 * their items, null becomes an empty element and undefined is left out. Characters XML cannot
 * carry (control characters a client may have sent) are dropped rather than breaking the document.
 */
export function toXml(root: string, value: Open311Value): string {
  const document = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  appendElement(document, root, value);
  return document.end({ prettyPrint: false });
}

function appendElement(parent: XMLBuilder, name: string, value: Open311Value) {
  const element = parent.ele(name);
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`Open311 container <${name}> has no item element name`);
    for (const entry of value) appendElement(element, item, entry);
  } else if (value !== null && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) if (entry !== undefined) appendElement(element, key, entry);
  } else if (value !== null && value !== undefined) {
    element.txt(String(value));
  }
}

/** Sends an Open311 document in the format the path asked for, with the spec's content types. */
export function sendOpen311(res: Response, format: Format, root: string, value: Open311Value, status = 200) {
  res.status(status);
  if (format === "xml") res.type("text/xml; charset=utf-8").send(toXml(root, value));
  else res.type("application/json; charset=utf-8").send(JSON.stringify(value));
}
