// The validator's own test, run by dev/check-deploy.sh before it trusts the validator: a valid set passes, and each
// deliberately broken copy fails the check that should catch it (guards against a dependency that stops checking).
import { checkSet } from "./checks.mjs";

const valid = () => [
  {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "t", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
  },
  { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "svc", namespace: "t" } },
  {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: "svc", namespace: "t" },
    spec: { minAvailable: 1, selector: { matchLabels: { app: "svc" } } },
  },
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "svc", namespace: "t" },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "svc" } },
      template: {
        metadata: { labels: { app: "svc" } },
        spec: {
          serviceAccountName: "svc",
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "svc",
              image: "svc:1",
              ports: [{ name: "http", containerPort: 8080 }],
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
              startupProbe: { httpGet: { path: "/q/health/started", port: "http" } },
              livenessProbe: { httpGet: { path: "/q/health/live", port: "http" } },
              readinessProbe: { httpGet: { path: "/q/health/ready", port: "http" } },
            },
          ],
        },
      },
    },
  },
];
const deployment = (set) => set[3].spec;
const container = (set) => deployment(set).template.spec.containers[0];

// Each broken copy: what it breaks, and the check that must fail.
const broken = {
  "misspelled field (replica: 2)": ["schemas", (s) => void (deployment(s).replica = 2)],
  "misspelled container field (imagee)": ["schemas", (s) => void (container(s).imagee = "x")],
  'wrong type (replicas: "two")': ["schemas", (s) => void (deployment(s).replicas = "two")],
  "missing required field (selector)": ["schemas", (s) => delete deployment(s).selector],
  "misspelled kind (Deploymnet)": ["schemas", (s) => void (s[3].kind = "Deploymnet")],
  "privilege escalation allowed": [
    "pod security restricted",
    (s) => void (container(s).securityContext.allowPrivilegeEscalation = true),
  ],
  "no seccomp profile": [
    "pod security restricted",
    (s) => delete deployment(s).template.spec.securityContext.seccompProfile,
  ],
  "probe off /q/health": ["probes on /q/health", (s) => void (container(s).readinessProbe.httpGet.path = "/health")],
  "default ServiceAccount": [
    "own ServiceAccounts, RBAC",
    (s) => delete deployment(s).template.spec.serviceAccountName,
  ],
  "2 replicas, no PodDisruptionBudget": ["PodDisruptionBudgets", (s) => s.splice(2, 1)],
  "Secret with data": [
    "no Secret with data",
    (s) => s.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" }, stringData: { k: "v" } }),
  ],
};

const failing = async (set) => (await checkSet(set)).filter((r) => r.problems.length).map((r) => r.check);
const problems = [];
if ((await failing(valid())).length) problems.push(`the valid set fails: ${await failing(valid())}`);
for (const [what, [check, breakIt]] of Object.entries(broken)) {
  const set = valid();
  breakIt(set);
  const failed = await failing(set);
  if (!failed.includes(check))
    problems.push(`${what}: expected "${check}" to fail, failed: ${failed.join(", ") || "none"}`);
}
console.log(
  problems.length ? "FAIL " : "ok   ",
  `${"validator self-test".padEnd(26)} k8s/validate: a valid set passes; ${Object.keys(broken).length} broken copies`,
  `of it each fail their check (${Object.keys(broken).join("; ")})`,
);
for (const p of problems) console.log(`        ${p}`);
process.exit(problems.length ? 1 : 0);
