// Entry of the LIFF mini-app: fonts, styles, same-app link handling and the shell.
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-600.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-600.css';
import './styles.css';
import { render } from 'preact';
import { App, preloadCurrentPage, startBoot } from './app.tsx';
import { interceptLinks } from './lib/router.ts';

const root = document.getElementById('app');
if (root !== null) {
  preloadCurrentPage();
  startBoot();
  document.addEventListener('click', interceptLinks);
  render(<App />, root);
}
