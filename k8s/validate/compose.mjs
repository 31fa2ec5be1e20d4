// Checks the Compose file as `docker compose config` resolved it (anchors merged, variables substituted with
// dev/check-deploy.sh's dummy "ci"), for dev/check-deploy.sh: every service has a healthcheck (Rewind's own on
// /q/health), every service waits for what it depends on to be healthy, not merely started, and no secret has a value
// of its own (a PASSWORD, TOKEN, SECRET or _KEY resolves to the dummy or to nothing).
//   node compose.mjs RESOLVED.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const services = parse(readFileSync(process.argv[2], "utf8")).services ?? {};
const problems = [];
if (Object.keys(services).length === 0) problems.push("no services");
for (const [name, service] of Object.entries(services)) {
  const test = service.healthcheck?.test;
  if (!test || service.healthcheck.disable || (Array.isArray(test) && test[0] === "NONE"))
    problems.push(`${name}: no healthcheck`);
  else if (service.build && ![test].flat().join(" ").includes("/q/health"))
    problems.push(`${name}: its healthcheck does not ask /q/health`);
  for (const [variable, value] of Object.entries(service.environment ?? {})) {
    if (/PASSWORD|TOKEN|SECRET|_KEY/.test(variable) && value !== null && value !== "" && value !== "ci")
      problems.push(`${name}: secret ${variable} has a value in the file`);
  }
  // Compose turns a list of dependencies into {name: {condition: service_started}}.
  const dependsOn = Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((d) => [d, {}]))
    : (service.depends_on ?? {});
  for (const [dependency, { condition }] of Object.entries(dependsOn)) {
    if (condition !== "service_healthy")
      problems.push(`${name}: depends on ${dependency} with ${condition ?? "no condition"}, not service_healthy`);
  }
}
console.log(
  problems.length ? "FAIL " : "ok   ",
  `${"compose healthchecks".padEnd(26)} docker-compose.yml:`,
  problems.length
    ? `${problems.length} problem(s)`
    : `${Object.keys(services).length} services with a healthcheck, each waiting for its dependencies to be healthy, ` +
      "no secret with a value",
);
for (const p of problems) console.log(`        ${p}`);
process.exit(problems.length ? 1 : 0);
