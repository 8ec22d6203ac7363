// The page shell: language switch and quick exit. Texts come from the translation table below.
const texts = {
  nl: {
    brand: 'Familiecontact', switchLanguage: 'English', quickExit: 'Snel weg', welcomeTitle: 'Welkom',
    welcomeText: 'Hier volgt u het onderzoek van de Inspectie Justitie en Veiligheid en houdt u contact met uw familie-inspecteur.',
    quickExitHelp: 'Moet u deze pagina snel verlaten? Druk op Snel weg of op Esc.',
  },
  en: {
    brand: 'Family contact', switchLanguage: 'Nederlands', quickExit: 'Quick exit', welcomeTitle: 'Welcome',
    welcomeText: 'Here you follow the investigation of the Inspectorate of Justice and Security and keep in touch with your family inspector.',
    quickExitHelp: 'Do you need to leave this page quickly? Press Quick exit or Esc.',
  },
};
const neutralSite = 'https://www.google.com/search?q=weerbericht';

function quickExit() {
  // replace(): the service's page leaves the history, so Back does not return to it.
  document.body.textContent = '';
  window.location.replace(neutralSite);
}

function show(language) {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = texts[language][element.dataset.i18n];
  }
  document.getElementById('language').lang = language === 'nl' ? 'en' : 'nl';
  try { localStorage.setItem('language', language); } catch { /* private mode: keep the choice for this page only */ }
}

function initialLanguage() {
  let stored = null;
  try { stored = localStorage.getItem('language'); } catch { /* ignore */ }
  if (stored === 'nl' || stored === 'en') return stored;
  return (navigator.language || 'nl').toLowerCase().startsWith('en') ? 'en' : 'nl';
}

document.getElementById('quick-exit').addEventListener('click', quickExit);
document.addEventListener('keydown', (event) => { if (event.key === 'Escape') quickExit(); });
document.getElementById('language').addEventListener('click', () => {
  show(document.documentElement.lang === 'nl' ? 'en' : 'nl');
});
show(initialLanguage());
