// Ends the e2e run with one plain line, `e2e: N passed, N failed, N skipped`.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private readonly count = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.count.passed++;
    else if (result.status === 'skipped') this.count.skipped++;
    else this.count.failed++;
  }

  onEnd(): void {
    const c = this.count;
    process.stdout.write(`\ne2e: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
  }
}
