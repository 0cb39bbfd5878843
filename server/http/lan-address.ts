import { networkInterfaces } from 'node:os';

/** Interfaces of containers, VMs and VPNs: a phone in the room cannot reach them. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|podman|lxc|tun|tap|utun|zt|tailscale|wg)/i;

/**
 * The machine's address on the local network, so a phone in the room can open the links: the
 * first non-internal IPv4 address, preferring physical interfaces. Null when there is none.
 */
export function lanAddress(): string | null {
  const candidates = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((address) => address.family === 'IPv4' && !address.internal)
      .map((address) => ({ name, address: address.address })),
  );
  const physical = candidates.find((candidate) => !VIRTUAL.test(candidate.name));
  return (physical ?? candidates[0])?.address ?? null;
}

/** Whether `host` (a bind address or a Host name without port) is this machine's loopback. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name.startsWith('127.');
}
