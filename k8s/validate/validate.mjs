// Checks Kubernetes objects for dev/check-deploy.sh, one set at a time: the Kubernetes schemas (unknown fields
// included), then Rewind's deployment policies (policy.mjs).
//   node validate.mjs NAME=FILE ...   each FILE the output of kubectl kustomize, checked as the set NAME
//   node validate.mjs --raw DIR       the YAML files under DIR as one set, but kustomizations and their patches
// One line per check ("ok", "note" or "FAIL", a failure's problems indented below); exits 1 when a check fails.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { checkSet } from "./checks.mjs";

let failed = false;
const line = (status, text, problems = []) => {
  console.log(`${status.padEnd(5)} ${text}`);
  for (const p of problems) console.log(`        ${p}`);
  if (status === "FAIL") failed = true;
};

/** The objects of a YAML stream; a parse error is a failed check. Kubernetes reads YAML 1.1 (on, yes: booleans). */
function parse(file, label = file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1" });
  const errors = docs.flatMap((d) => d.errors.map((e) => `${label}: ${e.message.split("\n")[0]}`));
  if (errors.length) line("FAIL", `yaml ${label}`, errors);
  return errors.length ? [] : docs.map((d) => d.toJS()).filter((o) => o !== null);
}

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** The raw files' objects: the YAML files under dir but kustomizations and the patches and transformers they name. */
function rawObjects(dir) {
  const files = yamlFiles(dir);
  const kustomizations = files.filter((f) => /^kustomization\.ya?ml$/.test(basename(f)));
  const skipped = new Set(kustomizations);
  for (const k of kustomizations) {
    const spec = parse(k)[0] ?? {};
    const named = [
      ...(spec.patches ?? []),
      ...(spec.patchesJson6902 ?? []),
      ...(spec.patchesStrategicMerge ?? []),
      ...(spec.transformers ?? []),
      ...(spec.generators ?? []),
      ...(spec.validators ?? []),
    ];
    for (const entry of named) {
      const path = typeof entry === "string" ? entry : entry.path;
      if (path && !path.includes("\n")) skipped.add(join(dirname(k), path));
    }
  }
  return files.filter((f) => !skipped.has(f)).flatMap((f) => parse(f, relative(process.cwd(), f)));
}

const sets =
  process.argv[2] === "--raw"
    ? [[`${process.argv[3]} (raw files)`, rawObjects(process.argv[3]), { raw: true }]]
    : process.argv.slice(2).map((arg) => {
        const [name, file] = arg.split("=");
        return [name, parse(file, name), {}];
      });
for (const [name, objects, options] of sets) {
  for (const result of await checkSet(objects, options)) {
    const text = `${result.check.padEnd(26)} ${name}`;
    if (result.problems.length) line("FAIL", `${text}: ${result.problems.length} problem(s)`, result.problems);
    else line("ok", `${text}: ${result.summary}`);
    if (result.note) line("note", `${text}: ${result.note}`);
  }
}
process.exit(failed ? 1 : 0);
