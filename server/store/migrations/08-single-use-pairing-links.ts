import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 8,
  name: 'single-use pairing links',
  sql: `
    -- A 'link' key travels in a remote link (printed, shown as a QR code, returned by the API);
    -- opening the link exchanges it, once, for a 'device' key that never leaves the device.
    -- Keys minted before this migration are links: a device holding one keeps using it.
    ALTER TABLE presenter_keys
      ADD COLUMN kind text NOT NULL DEFAULT 'link' CHECK (kind IN ('link', 'device')),
      ADD COLUMN used_at timestamptz,
      ADD COLUMN used_for bigint REFERENCES presenter_keys(id) ON DELETE SET NULL;
  `,
};
