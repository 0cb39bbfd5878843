/**
 * The last event of a deleted deck's streams: `event: deck` with `{"deleted":true}`, and a long
 * `retry:` so a client that reconnects anyway (and meets a 404) does not hammer the server.
 */
export const DECK_DELETED_FRAME = Buffer.from('retry: 60000\nevent: deck\ndata: {"deleted":true}\n\n');
