// Checks the Compose file as `docker compose config` resolved it (anchors merged), for dev/check-deploy.sh: every
// service has a healthcheck, and every service waits for what it depends on to be healthy, not merely started.
//   node compose.mjs RESOLVED.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const services = parse(readFileSync(process.argv[2], "utf8")).services ?? {};
const problems = [];
for (const [name, service] of Object.entries(services)) {
  const test = service.healthcheck?.test;
  if (!test || service.healthcheck.disable || (Array.isArray(test) && test[0] === "NONE"))
    problems.push(`${name}: no healthcheck`);
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
    : `${Object.keys(services).length} services with a healthcheck, each waiting for its dependencies to be healthy`,
);
for (const p of problems) console.log(`        ${p}`);
process.exit(problems.length ? 1 : 0);
