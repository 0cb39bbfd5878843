/** Things to undo, newest first, whatever happens (a failing step does not stop the others). */
export class Cleanup {
  private readonly steps: Array<() => Promise<unknown> | void> = [];

  add(step: () => Promise<unknown> | void): void {
    this.steps.unshift(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0))
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
  }
}
