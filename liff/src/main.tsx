// Entry of the LIFF mini-app: fonts, styles and the first page.
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-600.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-600.css';
import './styles.css';
import { render } from 'preact';
import { CalculatorPage } from './pages/calculator.tsx';

const root = document.getElementById('app');
if (root !== null) render(<CalculatorPage />, root);
