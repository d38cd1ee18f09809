const { writeSync } = require('node:fs');

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, so that tools reading a run's
 * last line (CI summaries) get the totals. jest always prints its own multi-line summary after every
 * configured reporter, so the line is written when the process exits.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => writeSync(process.stderr.fd, line));
  }
}
module.exports = SummaryReporter;
