// Validates every object of a rendered overlay against the Kubernetes OpenAPI schemas that the npm
// package kubernetes-models ships (types, required fields, formats), offline.
// Usage: node check-schemas.mjs DIR RENDERED.yaml...   (DIR holds node_modules; check.sh runs npm ci there)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [toolsDir, ...files] = process.argv.slice(2);
if (!toolsDir || files.length === 0) {
  console.error("usage: node check-schemas.mjs DIR RENDERED.yaml...");
  process.exit(2);
}
const modules = join(resolve(toolsDir), "node_modules");
const yaml = createRequire(join(modules, "noop.js"))("js-yaml");

async function modelClass(apiVersion, kind) {
  // kubernetes-models lays its classes out by apiVersion: v1, apps/v1, networking.k8s.io/v1, ...
  const file = join(modules, "kubernetes-models", ...apiVersion.split("/"), "index.js");
  let exported;
  try {
    exported = await import(pathToFileURL(file).href);
  } catch {
    return undefined;
  }
  return exported[kind];
}

// Custom resources have no schema in kubernetes-models; the Maven module's CrdSchemaTest validates
// them against the CRDs vendored in crds/ (CloudNativePG).
const checkedByCrdSchemaTest = ["postgresql.cnpg.io/"];

let passed = 0;
let failed = 0;
let custom = 0;
for (const file of files) {
  const documents = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
  for (const object of documents) {
    const name = `${file}: ${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    if (checkedByCrdSchemaTest.some((group) => (object.apiVersion ?? "").startsWith(group))) {
      custom++;
      continue;
    }
    const Model = await modelClass(object.apiVersion ?? "", object.kind ?? "");
    if (!Model) {
      console.error(`FAIL ${name}: no schema for this apiVersion and kind`);
      failed++;
      continue;
    }
    try {
      new Model(object).validate();
      passed++;
    } catch (error) {
      console.error(`FAIL ${name}: ${error.message}`);
      failed++;
    }
  }
}
console.log(`schema check: ${passed} passed, ${failed} failed (${custom} custom resources left to CrdSchemaTest)`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
