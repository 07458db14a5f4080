// The app's version, from package.json, for /healthz and logs.
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
