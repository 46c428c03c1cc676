// Runs electronegativity in this process over one folder and judges its findings: any HIGH or
// CRITICAL fails; accepted lower ones (ACCEPTED, reasons in security-scan.sh) are listed as such;
// anything else is printed for a person to review.
//
// In-process rather than its CLI with `-o report.csv`: the CLI writes the CSV header and the rows
// with two unordered asynchronous writes to one file, so the header can overwrite the first rows
// or truncate them all, and a scan could then pass with findings missing (seen here once in a few
// runs). The runner returns the findings themselves.
//
//   [ACCEPTED='CHECK_ID …'] [EXCLUDE='CheckClassName …'] node scripts/electronegativity-scan.mjs DIR ELECTRON_VERSION
import path from 'node:path';
// CommonJS modules whose module.exports is the function: Node hands it over as the default export.
import setUpI18n from '@doyensec/electronegativity/dist/locales/i18n.js';
import run from '@doyensec/electronegativity';

async function main() {
  const [input, electronVersion] = process.argv.slice(2);
  if (!input || !electronVersion) throw new Error('usage: electronegativity-scan.mjs DIR ELECTRON_VERSION');
  // The scanner's own messages (translations and Electron releases it cannot fetch offline) go to
  // stderr, which security-scan.sh keeps in a log; stdout carries only the verdict below.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  let result;
  try {
    await setUpI18n();
    result = await run(
      { input: path.resolve(input), isSarif: false, customScan: [], excludeFromScan: (process.env.EXCLUDE ?? '').split(/\s+/).filter(Boolean), isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [] },
      false,
    );
  } finally {
    console.log = log;
  }
  // A file the scanner could not parse was not checked: that is a failure, not a pass.
  const unparsed = result.errors.filter((e) => !e.tolerable);
  for (const e of unparsed) console.log(`  ✗ could not parse ${e.file}: ${e.message}`);
  const accepted = new Set((process.env.ACCEPTED ?? '').split(/\s+/).filter(Boolean));
  let high = 0;
  for (const issue of result.issues) {
    const where = issue.file === 'N/A' ? '' : ` ${issue.file}:${issue.location.line}:${issue.location.column}`;
    const line = `${issue.id} ${issue.severity.name}/${issue.confidence.name}${where}`;
    const url = `https://github.com/doyensec/electronegativity/wiki/${issue.id}`;
    if (['HIGH', 'CRITICAL'].includes(issue.severity.name)) {
      high += 1;
      console.log(`  ✗ ${line}: ${issue.description} (${url})`);
    } else if (accepted.has(issue.id)) {
      console.log(`  accepted ${line} (reason at the top of scripts/security-scan.sh)`);
    } else {
      console.log(`  NOT REVIEWED ${line}: ${issue.description} (${url}); fix it, or add it to the accepted list with the reason`);
    }
  }
  console.log(`  ${result.issues.length} finding(s), ${high} high${unparsed.length ? `, ${unparsed.length} file(s) not parsed` : ''}`);
  return high === 0 && unparsed.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`  the scanner did not complete: ${error.stack ?? error}`);
    process.exit(1);
  },
);
