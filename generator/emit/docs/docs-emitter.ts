// The generated package's README: the catalog rendered through the handlebars templates.
import type { CatalogModel } from "../../model/ir.ts";
import type { OutputFile } from "../output.ts";
import type { Render } from "./templates.ts";
import { docsView } from "./view-model.ts";

export function emitDocs(model: CatalogModel, render: Render): OutputFile[] {
  return [{ path: "README.md", content: render(docsView(model)), format: "markdown" }];
}
