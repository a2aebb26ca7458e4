// Entry point: hands the screens to the router, reads the interface language from the core
// and shows the first screen. Nothing imports this module.

import { api } from './api.js';
import { setLang } from './i18n.js';
import { registerScreens, guard, go } from './router.js';
import { profilesScreen } from './screens/profiles.js';
import { packsScreen } from './screens/packs.js';
import { lessonScreen } from './screens/lesson.js';
import { dataScreen } from './screens/data.js';
import { analyseScreen } from './screens/analyse.js';
import { guideScreen } from './screens/guide.js';

registerScreens({
  profiles: profilesScreen,
  packs: packsScreen,
  lesson: lessonScreen,
  data: dataScreen,
  analyse: analyseScreen,
  guide: guideScreen,
});

async function start() {
  const info = await guard(() => api.appInfo());
  setLang(info ? info.lang : 'fr');
  document.title = 'DataJam Atelier';
  await go.profiles();
}

start();
