import { networkInterfaces } from 'node:os';

/** Interfaces of containers, VMs and VPNs: a phone in the room cannot reach them. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|podman|lxc|tun|tap|utun|zt|tailscale|wg)/i;

/** One address of this machine that a phone on the same network may open. */
export interface LanAddress {
  /** The interface's name, e.g. `wlan0`, `en0`, `Wi-Fi`. */
  name: string;
  /** The address itself, e.g. `192.168.1.20` or `fd00::2`. */
  address: string;
  family: 'IPv4' | 'IPv6';
}

/** IPv6 link-local (fe80::/10): it needs a zone id, which no phone's browser takes in a URL. */
const LINK_LOCAL_V6 = /^fe[89ab][0-9a-f]:/i;

/**
 * The machine's addresses a phone could open while Podium listens on `bindHost` (default
 * `0.0.0.0`): non-internal IPv4 for `0.0.0.0`, and IPv6 too (not link-local) for `::`; a
 * specific bind address only itself. Physical interfaces first, in the system's order.
 */
export function lanAddresses(bindHost = '0.0.0.0'): LanAddress[] {
  const bind = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  const anyV4 = bind === '0.0.0.0' || bind === '::' || bind === '';
  const anyV6 = bind === '::' || bind === '';
  const candidates = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((entry) => !entry.internal && !(entry.family === 'IPv6' && LINK_LOCAL_V6.test(entry.address)))
      .filter((entry) =>
        entry.family === 'IPv4' ? anyV4 || entry.address === bind : anyV6 || entry.address.toLowerCase() === bind,
      )
      .map((entry): LanAddress => ({ name, address: entry.address, family: entry.family })),
  );
  const physical = candidates.filter((candidate) => !VIRTUAL.test(candidate.name));
  return [...physical, ...candidates.filter((candidate) => VIRTUAL.test(candidate.name))];
}

/**
 * The machine's address on the local network, so a phone in the room can open the links: the
 * first non-internal IPv4 address, preferring physical interfaces. Null when there is none.
 */
export function lanAddress(): string | null {
  return lanAddresses().find((candidate) => candidate.family === 'IPv4')?.address ?? null;
}

/** `address` as the host part of a URL: IPv6 in brackets. */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Whether `host` (a bind address or a Host name without port) is this machine's loopback. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name.startsWith('127.');
}
