#!/usr/bin/env node
// Adds up the <Counters> of every .trx file in a folder (one per test project).
// Usage: node scripts/lib/trx-summary.cjs <results-folder>
// Prints one line per file to stderr and the totals to stdout as JSON: {"files","passed","failed","skipped","executed"}.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: trx-summary.cjs <results-folder>');
  process.exit(2);
}

function findTrx(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return findTrx(full);
    return entry.name.endsWith('.trx') ? [full] : [];
  });
}

const totals = { files: 0, passed: 0, failed: 0, skipped: 0, executed: 0 };
for (const file of findTrx(dir).sort()) {
  const xml = fs.readFileSync(file, 'utf8');
  const counters = /<Counters\b([^>]*)\/?>/.exec(xml);
  if (!counters) {
    console.error(`  ${path.basename(file)}: no <Counters> (run aborted?)`);
    totals.failed += 1;
    continue;
  }
  const attr = (name) => {
    const m = new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1]);
    return m ? Number(m[1]) : 0;
  };
  const passed = attr('passed');
  const failed = attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  // VSTest's TRX logger counts a skipped test in "total" but not in "executed", and leaves "notExecuted" at 0;
  // its result says outcome="NotExecuted". Count those results (at least what the counters say).
  const notExecuted = (xml.match(/<UnitTestResult\b[^>]*\boutcome="NotExecuted"/g) || []).length;
  const skipped = Math.max(notExecuted, attr('notExecuted')) + attr('inconclusive');
  const assembly = /<TestMethod\b[^>]*\bcodeBase="([^"]*)"/.exec(xml);
  const label = assembly ? path.basename(assembly[1]) : path.basename(file);
  console.error(`  ${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  totals.files += 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  totals.executed += attr('executed');
}
process.stdout.write(JSON.stringify(totals) + '\n');
