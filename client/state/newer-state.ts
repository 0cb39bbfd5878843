import type { SlideState } from '../../shared/protocol.js';

/**
 * The one rule for slide states from the server (stream event, fetch or PUT answer):
 * `incoming` wins only with a higher version, so a late or repeated event never moves a
 * screen back. Versions start at 1, so a `current` of version 0 takes anything.
 */
export function newerState(current: SlideState, incoming: SlideState): SlideState {
  return incoming.version > current.version
    ? { index: incoming.index, step: incoming.step, version: incoming.version }
    : current;
}
