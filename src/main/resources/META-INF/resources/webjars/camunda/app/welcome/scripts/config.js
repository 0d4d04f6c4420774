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
  },
  // Managers sign in here: the dashboard (issue 13) is one click away. Others get its French refusal.
  links: [
    {
      label: 'Tableau de bord',
      href: '/dashboard',
      description: 'Procédures RAPID et médiation : chiffres, délais, goulets d\'étranglement (mission achats et administrateurs)'
    }
  ]
};
