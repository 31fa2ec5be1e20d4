// Schema checks: each object against its kind's Kubernetes schema, from the kubernetes-models package (the API's
// OpenAPI schemas compiled to validators). Those find wrong types and missing required fields but accept any field
// they do not know (replica: 2, imagee: ...), so unknownFields() asks the same validators about every field.

const imports = new Map();
function load(path) {
  const module = imports.get(path) ?? import(`kubernetes-models/${path}`).catch(() => null);
  imports.set(path, module);
  return module;
}
const API_VERSION = /^([a-z0-9.-]+\/)?v[a-z0-9]+$/;

/** Whether kubernetes-models has the API group version (apps/v1, v1): a built-in API, not a custom resource. */
export async function isBuiltinApi(apiVersion) {
  return API_VERSION.test(apiVersion ?? "") && (await load(apiVersion)) !== null;
}

/** The model class of a built-in kind (kubernetes-models/apps/v1/Deployment), or null. */
export async function modelOf(apiVersion, kind) {
  if (!API_VERSION.test(apiVersion ?? "") || !/^[A-Z][A-Za-z0-9]*$/.test(kind ?? "")) return null;
  const module = await load(`${apiVersion}/${kind}`);
  // Only object kinds carry a static kind: v1/Container is a model too, but no object is of kind Container.
  return module?.[kind]?.kind === kind ? module[kind] : null;
}

function validationErrors(Model, obj) {
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    if (!e.errors) throw e;
    return e.errors;
  }
}

/** The schema's errors for obj, as "/json/pointer message" ([] when valid). */
export const schemaErrors = (Model, obj) =>
  validationErrors(Model, obj).map((err) => `${err.instancePath || "/"} ${err.message}`);

const pointer = (path) => path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/**
 * The fields of obj its schema does not know, as JSON pointers (the outermost only). For each object in the tree,
 * every field is set to a value no schema accepts (a Symbol) and the whole object validated once: the schema reports
 * each field it knows at that field's path, maps' keys included (labels, data), and says nothing of the others.
 */
export function unknownFields(Model, obj) {
  const unknown = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...path, i]));
    if (node === null || typeof node !== "object" || Object.keys(node).length === 0) return;
    const probe = structuredClone(obj);
    const target = path.reduce((n, p) => n[p], probe);
    for (const key of Object.keys(target)) target[key] = Symbol("probe");
    const reported = new Set(validationErrors(Model, probe).map((err) => err.instancePath));
    for (const key of Object.keys(node)) {
      if (reported.has(pointer([...path, key]))) visit(node[key], [...path, key]);
      else unknown.push(pointer([...path, key]));
    }
  };
  visit(obj, []);
  return unknown;
}

/** For custom resources (no schema here): what every object needs, and no more. */
export function minimalErrors(obj) {
  const errors = [];
  if (!API_VERSION.test(obj.apiVersion ?? "")) errors.push("/apiVersion must be group/version");
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(obj.metadata?.name ?? "")) {
    errors.push("/metadata/name must be a lower-case DNS subdomain name");
  }
  return errors;
}
