import '../../engine/format/zodConfig'; // before anything parses: no eval probe under the CSP
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './App';
import { createStudio } from './studio/createStudio';
import { browserEnv } from './studio/browserEnv';
import { StudioProvider } from './studio/StudioContext';
import { browserSharePage } from './files/shareFlows';
import { tutorialPerceptron } from './templates/tutorial';

// The page: one studio (every store and service), started once, handed to React.
const studio = createStudio(browserEnv(), { initial: tutorialPerceptron(), sharePage: browserSharePage(window) });
studio.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioProvider studio={studio}>
      <App />
    </StudioProvider>
  </StrictMode>,
);
