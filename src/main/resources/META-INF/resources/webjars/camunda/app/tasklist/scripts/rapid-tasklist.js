// rapid-bpm: Tasklist's forms speak French, and an old error does not outlive the next attempt.
// Loaded by config.js (customScripts) as an ES module; plain DOM, no dependency.

// form-js 1.8.7, bundled in Tasklist, writes its field errors in English and offers no translation.
const FORM_ERRORS = [
  [/^Field is required\.?$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `La valeur doit être supérieure ou égale à ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `La valeur doit être inférieure ou égale à ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Au moins ${m[1]} caractères.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Au plus ${m[1]} caractères.`],
  [/^Field must match pattern (.+)\.$/, () => "Le format n'est pas celui attendu."],
  [/^Field must be a valid email\.$/, () => 'Adresse électronique invalide.'],
  [/^Value is not a number\.?$/, () => "Ce n'est pas un nombre."],
  [/^Value is expected to be an integer\.?$/, () => 'Un nombre entier est attendu.'],
  [/^Value is expected to be a valid number\.?$/, () => "Ce n'est pas un nombre."],
  [/^Select$/, () => 'Choisir…'],
  [/^Select a date$/, () => 'Choisir une date'],
  [/^Select a time$/, () => 'Choisir une heure'],
  [/^Search$/, () => 'Rechercher'],
  [/^No results$/, () => 'Aucun résultat'],
];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, french] of FORM_ERRORS) {
    const match = trimmed.match(pattern);
    if (match) {
      return french(match);
    }
  }
  return null;
}

// The text nodes are changed in place: form-js (Preact) keeps hold of them and updates them when
// a field's error changes, which the observer below then translates again.
function translateIn(root) {
  root.querySelectorAll?.('.fjs-form-field-error').forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const french = translate(text.nodeValue);
      if (french) {
        text.nodeValue = french;
      }
    }
  });
  root.querySelectorAll?.('.fjs-container input[placeholder]').forEach((input) => {
    const french = translate(input.getAttribute('placeholder'));
    if (french) {
      input.setAttribute('placeholder', french);
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const element = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
    const form = element?.closest?.('.fjs-container');
    if (form) {
      translateIn(form);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// Tasklist keeps a refused completion's error on screen until closed, even after the next
// completion succeeds: a new attempt (Complete, or another task opened) closes the old errors first.
document.addEventListener(
  'click',
  (event) => {
    const target = event.target;
    if (target.closest?.('button[ng-click="complete()"], .tasks-list a')) {
      document.querySelectorAll('.notifications .alert-danger button.close').forEach((close) => close.click());
    }
  },
  true
);
