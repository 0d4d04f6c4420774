// rapid-bpm: the webapps in French, with the ministry's name (replaces Camunda's default config.js).
export default {
  app: {
    name: 'Accueil',
    vendor: 'Ministère des Armées'
  },
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
