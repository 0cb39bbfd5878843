/** Browsers by the User-Agent token that names them; the first match wins, so forks come before Chrome. */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|OPiOS)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\b(?:Headless)?Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bAppleWebKit\/.*\bMobile\//, 'Safari'],
];

/** Systems, phones and tablets first: an iPhone's User-Agent also says "like Mac OS X". */
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** Longest User-Agent read; real ones are a few hundred characters. */
const MAX_USER_AGENT = 1024;

/**
 * A device label a presenter recognises in the list of paired devices, from a User-Agent:
 * "Chrome on Android", "Safari on iPhone", "Firefox on Windows". Either part may be unknown
 * ("Browser on Linux", "Chrome"); with neither, "Unknown device".
 */
export function deviceLabel(userAgent: string | undefined): string {
  const agent = (userAgent ?? '').slice(0, MAX_USER_AGENT);
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (system) return `Browser on ${system}`;
  return browser ?? 'Unknown device';
}

/** Label of a pairing link minted without a name ("Pair another device" left blank). */
export const DEFAULT_LINK_LABEL = 'Paired device';

/** Labels Podium gives links itself (the deck's first link, `npm start`'s, an unnamed one): not a person's name. */
const PODIUM_LINK_LABEL = /^(?:creator|Paired device|npm start\b.*)$/;

/**
 * The label of a device paired through a link labelled `linkLabel`: the browser and system
 * ("Chrome on Android"), after the name the presenter gave the link, if any ("Anna’s phone
 * (Chrome on Android)").
 */
export function pairedDeviceLabel(linkLabel: string, userAgent: string | undefined): string {
  const device = deviceLabel(userAgent);
  return PODIUM_LINK_LABEL.test(linkLabel) || !linkLabel ? device : `${linkLabel} (${device})`.slice(0, 200);
}
