// Starts the app. A separate file (not an inline script) so the Content-Security-Policy needs
// no 'unsafe-inline'. Trunk builds ioa-planleggeren.js and ioa-planleggeren_bg.wasm without hashes.
import init from './ioa-planleggeren.js';

init({ module_or_path: './ioa-planleggeren_bg.wasm' });
