// Every warning code the importer can give is documented in the README's table, and only those.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { importCodes } from "../../generator/import/warnings.ts";

it("the README lists exactly the importer's warning codes", () => {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Importing existing specs"), readme.indexOf("## Using a generated package"));
  const listed = [...section.matchAll(/^\| (IMP\d{3}) \|/gm)].map((m) => m[1]);
  expect(listed).toEqual(Object.keys(importCodes));
});
