// Every generated identifier comes from naming.ts; these tables pin its rules.
import { describe, expect, it } from "vitest";
import { anchorId, camel, fileStem, isIdentifier, pascal, propertyKey, schemaTypeName, words } from "../../../generator/model/naming.ts";

describe("naming", () => {
  it.each([
    ["task_run.completed", "TaskRunCompleted", "taskRunCompleted"],
    ["integrated_account:post_install_error", "IntegratedAccountPostInstallError", "integratedAccountPostInstallError"],
    ["account.connection.up", "AccountConnectionUp", "accountConnectionUp"],
    ["invoice/paid", "InvoicePaid", "invoicePaid"],
    ["taskRun.completed", "TaskRunCompleted", "taskRunCompleted"],
    ["2fa.enabled", "N2faEnabled", "n2faEnabled"],
    ["*/", "Unnamed", "unnamed"],
  ])("%s → %s, %s", (type, p, c) => {
    expect(pascal(type)).toBe(p);
    expect(camel(type)).toBe(c);
  });

  it("splits words on separators and case changes, so look-alike types collide (and are reported)", () => {
    expect(words("task_run.completed")).toEqual(words("task-run:completed"));
    expect(words("taskRun.completed")).toEqual(["task", "Run", "completed"]);
  });

  it.each([
    ["TaskRun", "TaskRun"],
    ["task_run", "task_run"],
    ["Record", "RecordSchema"],
    ["class", "ClassSchema"],
    ["_private", "PrivateSchema"],
    ["default", "DefaultSchema"],
    ["interface", "InterfaceSchema"],
    ["Promise", "PromiseSchema"],
    ["Partial", "PartialSchema"],
    ["Object", "ObjectSchema"],
    ["Event", "Event"], // a valid name; that the runtime owns it is an EG304 (collisions.test.ts)
  ])("schema %s is the type %s", (name, typeName) => expect(schemaTypeName(name)).toBe(typeName));

  it.each([
    ["id", "id"],
    ["content-type", '"content-type"'],
    ["a b", '"a b"'],
    ["0", '"0"'],
    ["__proto__", "__proto__"],
    ['q"uote', '"q\\"uote"'],
  ])("property %s is written %s", (name, key) => expect(propertyKey(name)).toBe(key));

  it.each([
    ["task_run.completed", "task_run.completed"],
    ["invoice/paid", "invoice/paid"],
    ["weird.*/event", "weird._/event"],
    ["../escape", "_/escape"],
    ["a:b", "a_b"],
  ])("file stem of %s is %s", (type, stem) => expect(fileStem(type)).toBe(stem));

  it.each([
    ["event", "task_run.completed", "event-task_run-completed"],
    ["group", "Sync Job Run", "group-sync-job-run"],
    ["schema", "TaskRun", "schema-taskrun"],
  ] as const)("anchor of %s %s is %s", (kind, name, anchor) => expect(anchorId(kind, name)).toBe(anchor));

  it.each([
    ["order", true],
    ["$ref", true],
    ["_x1", true],
    ["1x", false],
    ["class", false],
    ["type", false],
    ["a-b", false],
    ["", false],
    ["ünïcode", false],
  ] as const)("%s is an identifier: %s", (name, want) => expect(isIdentifier(name)).toBe(want));
});
