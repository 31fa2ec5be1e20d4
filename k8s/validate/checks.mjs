// All checks of one set of objects (one rendered kustomization): the schemas, then the policies.
import { isBuiltinApi, minimalErrors, modelOf, schemaErrors, unknownFields } from "./schema.mjs";
import { policies } from "./policy.mjs";

const nameOf = (o) => `${o.kind}/${o.metadata?.name}`;

/** Every object against its kind's schema, unknown fields included; custom resources get the minimal check only. */
export async function schemas(objects) {
  const problems = [];
  const custom = new Map();
  for (const obj of objects) {
    const Model = await modelOf(obj.apiVersion, obj.kind);
    if (Model) {
      problems.push(...schemaErrors(Model, obj).map((e) => `${nameOf(obj)}: ${e}`));
      problems.push(...unknownFields(Model, obj).map((path) => `${nameOf(obj)}: ${path}: unknown field`));
    } else if (await isBuiltinApi(obj.apiVersion)) {
      problems.push(`${nameOf(obj)}: no kind ${obj.kind} in ${obj.apiVersion}`);
    } else {
      const kind = `${obj.kind} (${obj.apiVersion})`;
      custom.set(kind, (custom.get(kind) ?? 0) + 1);
      problems.push(...minimalErrors(obj).map((e) => `${nameOf(obj)}: ${e}`));
    }
  }
  const checked = objects.length - [...custom.values()].reduce((a, b) => a + b, 0);
  const notChecked = [...custom].map(([kind, n]) => `${kind} x${n}`).join(", ");
  return {
    check: "schemas",
    summary: `${checked} objects valid, no unknown fields`,
    note: notChecked && `not schema-checked (no schema here; apiVersion and metadata.name only): ${notChecked}`,
    problems,
  };
}

/** The results of every check on one set, in order. */
export async function checkSet(objects, options = {}) {
  return [await schemas(objects), ...policies.map((policy) => policy(objects, options))];
}
