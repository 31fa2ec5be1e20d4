// Rewind's deployment policies, checked on rendered objects. Each check returns {check, summary, problems}: no
// problems, it passes. `raw` (the YAML files before kustomize set namespaces): objects without a namespace match any.

const TEMPLATES = {
  Deployment: (o) => o.spec?.template,
  StatefulSet: (o) => o.spec?.template,
  DaemonSet: (o) => o.spec?.template,
  ReplicaSet: (o) => o.spec?.template,
  Job: (o) => o.spec?.template,
  CronJob: (o) => o.spec?.jobTemplate?.spec?.template,
};
const nameOf = (o) => `${o.kind}/${o.metadata?.name}`;
const workloads = (objects) =>
  objects.filter((o) => TEMPLATES[o.kind]).map((o) => ({ obj: o, name: nameOf(o), pod: TEMPLATES[o.kind](o) ?? {} }));
const allContainers = (spec) => [
  ...(spec.initContainers ?? []),
  ...(spec.containers ?? []),
  ...(spec.ephemeralContainers ?? []),
];
const sameNamespace = (a, b, raw) => (raw && (!a || !b)) || (a ?? "") === (b ?? "");
const find = (objects, kind, name, namespace, raw) =>
  objects.find(
    (o) => o.kind === kind && o.metadata?.name === name && sameNamespace(o.metadata?.namespace, namespace, raw),
  );

/** Pod Security Standards, "restricted" profile: pod and container settings, volume types; namespaces enforce it. */
export function podSecurity(objects) {
  const VOLUMES = new Set(
    "configMap csi downwardAPI emptyDir ephemeral persistentVolumeClaim projected secret".split(" "),
  );
  const problems = [];
  let containers = 0;
  for (const ns of objects.filter((o) => o.kind === "Namespace")) {
    if (ns.metadata?.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") {
      problems.push(`${nameOf(ns)}: label pod-security.kubernetes.io/enforce must be restricted`);
    }
  }
  for (const w of workloads(objects)) {
    const spec = w.pod.spec ?? {};
    const pod = spec.securityContext ?? {};
    const problem = (what) => problems.push(`${w.name}: ${what}`);
    for (const host of ["hostNetwork", "hostPID", "hostIPC"]) if (spec[host]) problem(`${host} must not be set`);
    for (const volume of spec.volumes ?? []) {
      const type = Object.keys(volume).find((k) => k !== "name");
      if (!VOLUMES.has(type)) problem(`volume ${volume.name}: type ${type} is not allowed`);
    }
    for (const c of allContainers(spec)) {
      containers++;
      const sc = c.securityContext ?? {};
      const at = (what) => problem(`container ${c.name}: ${what}`);
      if (sc.privileged) at("privileged must not be set");
      if (sc.allowPrivilegeEscalation !== false) at("allowPrivilegeEscalation must be false");
      if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) at("runAsNonRoot must be true");
      if ((sc.runAsUser ?? pod.runAsUser) === 0) at("runAsUser must not be 0");
      const seccomp = (sc.seccompProfile ?? pod.seccompProfile)?.type;
      if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost")
        at(`seccompProfile must be RuntimeDefault, not ${seccomp ?? "unset"}`);
      if (!sc.capabilities?.drop?.includes("ALL")) at("capabilities must drop ALL");
      for (const cap of sc.capabilities?.add ?? [])
        if (cap !== "NET_BIND_SERVICE") at(`capability ${cap} must not be added`);
      for (const port of c.ports ?? []) if (port.hostPort) at(`hostPort ${port.hostPort} must not be set`);
    }
  }
  return {
    check: "pod security restricted",
    summary: `${workloads(objects).length} pod templates, ${containers} containers`,
    problems,
  };
}

/** Startup, liveness and readiness probes on each container: GETs of Quarkus's /q/health on one of its ports. */
export function healthProbes(objects) {
  const problems = [];
  for (const w of workloads(objects)) {
    for (const c of w.pod.spec?.containers ?? []) {
      const ports = (c.ports ?? []).flatMap((p) => [p.name, p.containerPort]);
      for (const kind of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const get = c[kind]?.httpGet;
        const at = `${w.name}: container ${c.name}: ${kind}`;
        if (!c[kind]) problems.push(`${at} is missing`);
        else if (!get?.path?.startsWith("/q/health"))
          problems.push(`${at} must GET /q/health..., not ${get?.path ?? "something else"}`);
        else if (!ports.includes(get.port)) problems.push(`${at} port ${get.port} is no port of the container`);
      }
    }
  }
  return { check: "probes on /q/health", summary: `${workloads(objects).length} pod templates`, problems };
}

/** Each workload has a ServiceAccount of its own, defined here; RBAC binds existing accounts and roles, no `*`. */
export function serviceAccounts(objects, { raw = false } = {}) {
  const problems = [];
  const owners = new Map();
  for (const w of workloads(objects)) {
    const account = w.pod.spec?.serviceAccountName;
    const namespace = w.obj.metadata?.namespace;
    if (!account || account === "default") problems.push(`${w.name}: runs as the default ServiceAccount`);
    else if (!find(objects, "ServiceAccount", account, namespace, raw))
      problems.push(`${w.name}: ServiceAccount ${account} is not defined`);
    const key = `${namespace ?? ""}/${account}`;
    if (owners.has(key)) problems.push(`${w.name}: shares ServiceAccount ${account} with ${owners.get(key)}`);
    if (account && account !== "default") owners.set(key, w.name);
  }
  const bindings = objects.filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding");
  for (const b of bindings) {
    const roleNamespace = b.roleRef?.kind === "Role" ? b.metadata?.namespace : undefined;
    if (!find(objects, b.roleRef?.kind, b.roleRef?.name, roleNamespace, raw)) {
      problems.push(`${nameOf(b)}: binds ${b.roleRef?.kind} ${b.roleRef?.name}, which is not defined here`);
    }
    for (const s of (b.subjects ?? []).filter((s) => s.kind === "ServiceAccount")) {
      if (!find(objects, "ServiceAccount", s.name, s.namespace, raw)) {
        problems.push(`${nameOf(b)}: subject ServiceAccount ${s.namespace}/${s.name} is not defined`);
      }
    }
  }
  for (const role of objects.filter((o) => o.kind === "Role" || o.kind === "ClusterRole")) {
    for (const rule of role.rules ?? []) {
      for (const field of ["apiGroups", "resources", "verbs"]) {
        if (rule[field]?.includes("*")) problems.push(`${nameOf(role)}: wildcard in ${field}`);
      }
    }
  }
  return {
    check: "own ServiceAccounts, RBAC",
    summary: `${owners.size} accounts, ${bindings.length} bindings`,
    problems,
  };
}

function selects(selector, labels = {}) {
  const has = (k) => Object.hasOwn(labels, k);
  return (
    Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
    (selector?.matchExpressions ?? []).every(({ key, operator, values = [] }) =>
      operator === "In"
        ? has(key) && values.includes(labels[key])
        : operator === "NotIn"
          ? !has(key) || !values.includes(labels[key])
          : operator === "Exists"
            ? has(key)
            : !has(key),
    )
  );
}

/** A PodDisruptionBudget for every workload with more than one replica, which lets one pod at a time be evicted. */
export function disruptionBudgets(objects, { raw = false } = {}) {
  const problems = [];
  const budgets = objects.filter((o) => o.kind === "PodDisruptionBudget");
  const replicated = workloads(objects).filter(
    (w) => ["Deployment", "StatefulSet"].includes(w.obj.kind) && (w.obj.spec?.replicas ?? 1) > 1,
  );
  for (const w of replicated) {
    const replicas = w.obj.spec.replicas;
    const mine = budgets.filter(
      (b) =>
        sameNamespace(b.metadata?.namespace, w.obj.metadata?.namespace, raw) &&
        selects(b.spec?.selector, w.pod.metadata?.labels),
    );
    if (mine.length === 0)
      problems.push(`${w.name}: ${replicas} replicas and no PodDisruptionBudget selecting its pods`);
    for (const b of mine) {
      const { minAvailable: min, maxUnavailable: max } = b.spec;
      if ((Number.isInteger(min) && min >= replicas) || min === "100%" || max === 0 || max === "0%") {
        problems.push(`${nameOf(b)}: allows no eviction of ${w.name}'s ${replicas} pods`);
      }
    }
  }
  return { check: "PodDisruptionBudgets", summary: `${replicated.length} workloads with replicas > 1`, problems };
}

/** Secrets are created outside the repository and only referenced: no Secret object carries data. */
export function noSecretData(objects) {
  const problems = objects
    .filter(
      (o) => o.kind === "Secret" && (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length),
    )
    .map((o) => `${nameOf(o)}: carries data; create it outside the repository and reference it`);
  return {
    check: "no Secret with data",
    summary: `${objects.filter((o) => o.kind === "Secret").length} Secret objects`,
    problems,
  };
}

export const policies = [podSecurity, healthProbes, serviceAccounts, disruptionBudgets, noSecretData];
