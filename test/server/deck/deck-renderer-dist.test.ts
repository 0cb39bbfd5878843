import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const OUT = 'test-results/deck-dist';

describe('renderDeckInWorker in the built server', () => {
  it('runs its worker from compiled JavaScript, with no TypeScript loader', async () => {
    await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT]);
    const script = `
      const { renderDeckInWorker, closeDeckRenderer } = await import('./${OUT}/server/deck/deck-renderer.js');
      const deck = await renderDeckInWorker({ markdown: '# Built\\n\\n$x^2$\\n\\n. . .\\n\\nmore' });
      console.log(JSON.stringify({ title: deck.title, steps: deck.slides[0].steps, katex: deck.slides[0].html.includes('katex') }));
      await closeDeckRenderer();`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({ title: 'Built', steps: 1, katex: true });
  }, 120_000);
});
