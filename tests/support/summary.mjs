// Prints vitest's totals as the plain line CI reads ("N passed, N failed") and exits non-zero on failure.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const brokenFiles = report.numFailedTestSuites ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
if (brokenFiles > 0) console.log(`${brokenFiles} test file(s) failed to run`);
console.log(`${passed} passed, ${failed + brokenFiles} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(report.success && failed === 0 && brokenFiles === 0 && passed > 0 ? 0 : 1);
