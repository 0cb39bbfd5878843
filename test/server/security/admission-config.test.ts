import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readConfig } from '../../../server/config.js';
import { RENDER_THREADS } from '../../../server/deck/render-threads.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The default column of `variable`'s row in the README's configuration table. */
function readmeDefault(variable: string): string {
  const row = README.split('\n').find((line) => line.startsWith(`| \`${variable}\` |`));
  if (!row) throw new Error(`README has no row for ${variable}`);
  return row.split('|')[2]!.trim();
}

describe('deck admission settings', () => {
  const cases = [
    ['PODIUM_DECKS_PER_ADDRESS_PER_DAY', 'decksPerAddressPerDay'],
    ['PODIUM_DECK_MB_PER_ADDRESS_PER_DAY', 'deckMbPerAddressPerDay'],
    ['PODIUM_RENDER_SECONDS_PER_ADDRESS_PER_DAY', 'renderSecondsPerAddressPerDay'],
    ['PODIUM_RENDER_QUEUE', 'renderQueue'],
    ['PODIUM_STORAGE_MB', 'storageMb'],
  ] as const;

  it.each(cases)('README states the default of %s, and the environment reads it', (variable, setting) => {
    expect(readmeDefault(variable)).toBe(`\`${DEFAULT_SETTINGS[setting]}\``);
    expect(readConfig({})[setting]).toBe(DEFAULT_SETTINGS[setting]);
    expect(readConfig({ [variable]: '7' })[setting]).toBe(7);
    expect(readConfig({ [variable]: '0' })[setting]).toBe(0);
    expect(() => readConfig({ [variable]: '-1' })).toThrow(variable);
  });

  it('renders on one fewer thread than the cores, 1 to 4, by default; PODIUM_MAX_RENDERS is at least 1', () => {
    expect(readmeDefault('PODIUM_MAX_RENDERS')).toBe('cores − 1, 1 to 4');
    expect(DEFAULT_SETTINGS.maxRenders).toBe(RENDER_THREADS);
    expect(readConfig({ PODIUM_MAX_RENDERS: '3' }).maxRenders).toBe(3);
    expect(() => readConfig({ PODIUM_MAX_RENDERS: '0' })).toThrow('PODIUM_MAX_RENDERS');
  });
});
