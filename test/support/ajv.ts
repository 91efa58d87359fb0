// Ajv as the property tests use it to judge bodies against the emitted JSON Schemas: 2020-12,
// ajv-formats, own properties only, and our format checks where ajv-formats knowingly departs
// from the RFCs (pinned in test/validators/ajv-formats.test.ts).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { AJV_DIFFERS, ours as ourFormat } from "../validators/our-formats.ts";
import { isCheckedFormat } from "../../generator/check/catalog-shape.ts";

/** The formats eventgen's validators do not check are annotations, as JSON Schema 2020-12's
 * default vocabulary has them; ajv-formats asserts many of them (int64, uri-template, byte …), so
 * Ajv is told the same, and every other format name is an annotation too. */
export function annotationFormats(ajv: Ajv2020.default): void {
  for (const f of Object.keys(ajv.formats)) if (!isCheckedFormat(f)) ajv.addFormat(f, true);
}

export function makeAjv(): Ajv2020.default {
  // ownProperties: without it Ajv reads inherited names (`constructor`, `toString`) as present
  // fields; JSON Schema, and our validators, only look at the instance's own properties.
  // multipleOfPrecision: by default Ajv divides floating point numbers (0.3 / 0.1 is not an
  // integer there); ours judges decimal values, which a tolerance matches on sampled bodies.
  const ajv = new Ajv2020.default({ strict: false, allErrors: false, ownProperties: true, multipleOfPrecision: 6, logger: false });
  addFormats.default(ajv);
  // Where Ajv's format knowingly differs from the RFC, Ajv gets our check, so the properties are
  // about everything else.
  for (const f of Object.keys(AJV_DIFFERS)) ajv.addFormat(f, (s: string) => ourFormat(f, s));
  annotationFormats(ajv);
  return ajv;
}

/** Ajv skips a property named __proto__ in `properties` (a guard in its own code), so it gets that
 * property under a stand-in name, in the schema and in each body; ours checks it as named. */
export const PROTO_STAND_IN = {
  needed: (schemaText: string) => schemaText.includes('"__proto__"'),
  apply: (json: string): unknown => JSON.parse(json.replaceAll('"__proto__"', '"__proto__\\u0000"')),
};
