import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One axe-core finding, short enough to read in a failed assertion. */
export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on `page`, shadow roots included; `within` limits it
 * to the elements a test is about (each a chain of selectors into nested shadow roots).
 * Returns the violations found, so a test can expect none.
 */
export async function axeViolations(
  page: Page,
  within: Array<[string, string, ...string[]]> = [],
): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const chain of within) builder = builder.include({ fromShadowDom: chain });
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => JSON.stringify(node.target)),
  }));
}
