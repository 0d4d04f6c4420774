// rapid-bpm: Tasklist in French, with the ministry's name (replaces Camunda's default config.js).
export default {
  app: {
    name: 'Tâches',
    vendor: 'Ministère des Armées'
  },
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  // Loaded as an ES module from app/tasklist/: French form messages, no stale error (see the file).
  customScripts: ['scripts/rapid-tasklist'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prendre en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'aller au premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'aller à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'aller au premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvrir la fenêtre de démarrage d\'un processus'
    }
  }
};
