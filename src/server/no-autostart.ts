/**
 * Imported first by `./entry.ts`: the adapter's server module starts listening as soon as it is
 * loaded, unless ASTRO_NODE_AUTOSTART is "disabled". The entry starts it instead, so that it can
 * add its own request listener; this remembers whether whoever ran the server wanted that.
 */
export const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
