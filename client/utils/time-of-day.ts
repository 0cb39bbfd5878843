/** The time of day of `ms` (epoch milliseconds) as this viewer's locale writes hours and minutes. */
export function hourMinute(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
