// Entry point: hands the screens to the router, takes the interface's strings (the message
// catalog in the app's language) from the core and shows the first screen. Nothing imports this module.

import { api } from './api.js';
import { setCatalog, t } from './i18n.js';
import { registerScreens, guard, go } from './router.js';
import { profilesScreen } from './screens/profiles.js';
import { packsScreen } from './screens/packs.js';
import { lessonScreen } from './screens/lesson.js';
import { dataScreen } from './screens/data.js';
import { analyseScreen } from './screens/analyse.js';
import { guideScreen } from './screens/guide.js';
import { facilitatorScreen } from './screens/facilitator.js';
import { packDeskScreen } from './screens/packdesk.js';
import { notebookScreen } from './screens/notebook.js';
import { settingsScreen } from './screens/settings.js';

registerScreens({
  profiles: profilesScreen,
  packs: packsScreen,
  lesson: lessonScreen,
  data: dataScreen,
  analyse: analyseScreen,
  guide: guideScreen,
  facilitator: facilitatorScreen,
  packDesk: packDeskScreen,
  notebook: notebookScreen,
  settings: settingsScreen,
});

async function start() {
  const catalog = await guard(() => api.catalog());
  setCatalog(catalog ?? { lang: 'fr', source: '' });
  // index.html is French until the catalog is there.
  document.getElementById('crumbs').setAttribute('aria-label', t('ui-crumbs'));
  document.title = 'DataJam Atelier';
  await go.profiles();
}

start();
