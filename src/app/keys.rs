//! The one key table: key → action → description, per key mode. Input
//! handling (`action_for`), the help popup and the status-bar hints all read
//! it, so they cannot disagree. Binding descriptions live here; every other
//! UI text lives in `view::strings`.
//!
//! A mode's table is composed of layers: keys every list shares (line moves,
//! jumps), the global ones (help, quit), and the mode's own, in the order the
//! help popup lists them and the status bar ranks their hints.
//!
//! Adding a mode or popup: add a `KeyMode` variant, its layers in
//! [`layers`]; `App::key_mode` decides when it is active.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};
use super::facet_bar::FacetKey;
use crate::model::facets::Dimension;

/// A key as the table spells it. `Char` keys ignore Shift (the character
/// already says it: `G` is Shift-g); Ctrl and Alt must match exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let strict = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let code_matches = match (self.code, event.code) {
            // Some terminals report Ctrl-C as upper case when Shift is also held.
            (KeyCode::Char(a), KeyCode::Char(b))
                if self.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                a.eq_ignore_ascii_case(&b)
            }
            (a, b) => a == b,
        };
        code_matches && (event.modifiers & strict) == (self.modifiers & strict)
    }
}

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the help popup ("↑ / k").
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Short form for the status bar; `None` keeps the binding out of the hints.
    pub hint: Option<&'static str>,
    /// Panes where the hint is worth its room; empty means everywhere.
    pub hint_panes: &'static [Pane],
}

/// A binding without a status-bar hint.
const fn bind(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        description,
        hint: None,
        hint_panes: &[],
    }
}

impl Binding {
    /// The same binding, hinted in the status bar as `hint`.
    const fn hint(self, hint: &'static str) -> Binding {
        Binding {
            hint: Some(hint),
            ..self
        }
    }

    /// The same binding, its hint shown only when one of `panes` has focus.
    const fn hint_in(self, panes: &'static [Pane]) -> Binding {
        Binding {
            hint_panes: panes,
            ..self
        }
    }
}

/// Which table is active: the browsing screen, or the popup on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Browse,
    Help,
    /// The comparison view.
    Compare,
    /// The picker choosing the parcours to compare with.
    ComparePick,
    /// The search popup over one fiche.
    Search,
    /// The search popup over a catalogue of several fiches: with facets.
    CatalogueSearch,
    /// The list of the catalogue's fiches.
    Fiches,
    /// Typing the fiche list's filter.
    FicheFilter,
    /// The load warnings popup.
    Warnings,
    /// Browsing one fiche of several: `Browse`, and a way back to the list.
    FicheBrowse,
    /// The search popup's "which parcours?" picker.
    SearchPick,
    /// The popup of the fiche's `check` findings.
    Findings,
    /// The partners popup: typing filters the list.
    Partners,
    /// The comparison of two certifications.
    CertCompare,
    /// Choosing (and filtering as one types) the certification to compare with.
    CertPick,
    /// The menu of one facet's values (over the fiche list or the search).
    FacetMenu,
}

// Shared layers.

const UP: Binding = bind(
    &[key(KeyCode::Up), ch('k')],
    "↑ / k",
    Action::Up,
    "Monter d'une ligne",
);
const DOWN: Binding = bind(
    &[key(KeyCode::Down), ch('j')],
    "↓ / j",
    Action::Down,
    "Descendre d'une ligne",
);

/// First, last, a page up or down: every list and scrolling text has them.
const JUMPS: &[Binding] = &[
    bind(
        &[ch('g'), key(KeyCode::Home)],
        "g / Début",
        Action::Top,
        "Aller en haut",
    ),
    bind(
        &[ch('G'), key(KeyCode::End)],
        "G / Fin",
        Action::Bottom,
        "Aller en bas",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        "PgPréc",
        Action::PageUp,
        "Remonter d'une page",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        "PgSuiv",
        Action::PageDown,
        "Descendre d'une page",
    ),
];

const OPEN_HELP: Binding =
    bind(&[ch('?')], "?", Action::OpenHelp, "Afficher l'aide").hint("? aide");

const QUIT_Q: Binding = bind(&[ch('q')], "q", Action::Quit, "Quitter").hint("q quitter");
const QUIT_CTRL_C: Binding = bind(&[ctrl('c')], "Ctrl-C", Action::Quit, "Quitter");

/// `q` and Ctrl-C, wherever letters are not text.
const QUIT: &[Binding] = &[QUIT_Q, QUIT_CTRL_C];

// Each mode's own keys.

const BROWSE_MOVES: &[Binding] = &[
    // In the detail pane the arrows scroll text rather than move a cursor.
    UP.hint("↑↓ défiler").hint_in(&[Pane::Detail]),
    DOWN.hint("↑↓ naviguer")
        .hint_in(&[Pane::Parcours, Pane::Maquette]),
    bind(
        &[key(KeyCode::Left), ch('h')],
        "← / h",
        Action::Left,
        "Replier, aller au parent, ou panneau de gauche",
    ),
    bind(
        &[key(KeyCode::Right), ch('l')],
        "→ / l",
        Action::Right,
        "Déplier, entrer dans le nœud, ou panneau de droite",
    )
    .hint("←→ replier/déplier")
    .hint_in(&[Pane::Maquette]),
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Choisir le parcours, (dé)plier le nœud, suivre le lien choisi",
    )
    .hint("Entrée choisir")
    .hint_in(&[Pane::Parcours, Pane::Maquette]),
    bind(
        &[key(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "Panneau suivant",
    )
    .hint("Tab panneau"),
    bind(
        &[key(KeyCode::BackTab)],
        "Maj-Tab",
        Action::PrevPane,
        "Panneau précédent",
    ),
    bind(
        &[ch('1')],
        "1",
        Action::Focus(Pane::Parcours),
        "Panneau 1 : parcours",
    ),
    bind(
        &[ch('2')],
        "2",
        Action::Focus(Pane::Maquette),
        "Panneau 2 : maquette",
    ),
    bind(
        &[ch('3')],
        "3",
        Action::Focus(Pane::Detail),
        "Panneau 3 : détail",
    ),
];

/// Help and search, then `c` (its own layer: a lone fiche compares parcours
/// only, a fiche of a catalogue other certifications too), then the rest.
const BROWSE_OPEN: &[Binding] = &[
    OPEN_HELP,
    bind(
        &[ch('/')],
        "/",
        Action::OpenSearch,
        "Chercher un métier, une compétence, une UE, un cours…",
    )
    .hint("/ chercher"),
];

const COMPARE_PARCOURS: &[Binding] = &[bind(
    &[ch('c')],
    "c",
    Action::OpenCompare,
    "Comparer le parcours choisi avec un autre",
)
.hint("c comparer")
.hint_in(&[Pane::Parcours, Pane::Maquette])];

const COMPARE_ANY: &[Binding] = &[bind(
    &[ch('c')],
    "c",
    Action::OpenCompare,
    "Comparer avec un autre parcours ou une autre certification",
)
.hint("c comparer")
.hint_in(&[Pane::Parcours, Pane::Maquette])];

const BROWSE_MORE: &[Binding] = &[
    bind(
        &[ch('!')],
        "!",
        Action::OpenFindings,
        "Constats de la fiche (données douteuses) ; Entrée y mène",
    ),
    COPY,
    bind(
        &[ch('o')],
        "o",
        Action::OpenLink,
        "Ouvrir un lien du détail (navigateur) ; o encore : le suivant",
    ),
    bind(
        &[ch('*')],
        "*",
        Action::ExpandAll,
        "Tout déplier dans la maquette",
    ),
    bind(
        &[ch('-')],
        "-",
        Action::CollapseAll,
        "Tout replier dans la maquette",
    ),
];

/// Links of the detail and the history of places: wherever a fiche or the
/// fiche list is shown. Ctrl-I is Tab in most terminals: `]` always works.
const FOLLOW: &[Binding] = &[
    bind(
        &[ch('n')],
        "n",
        Action::NextLink,
        "Lien suivant du détail (numéro, UE partagée, code ROME)",
    )
    .hint("n lien")
    .hint_in(&[Pane::Detail]),
    bind(
        &[ch('N')],
        "N",
        Action::PrevLink,
        "Lien précédent du détail",
    ),
    HISTORY_BACK,
    HISTORY_FORWARD,
    bind(
        &[ch('p')],
        "p",
        Action::OpenPartners,
        "Partenaires habilités de la fiche (filtre nom, SIRET, SIREN)",
    )
    .hint("p partenaires")
    .hint_in(&[Pane::Detail]),
];

const HISTORY_BACK: Binding = bind(
    &[ch('['), ctrl('o')],
    "[, Ctrl-O",
    Action::HistoryBack,
    "Revenir à l'endroit précédent (historique)",
);
const HISTORY_FORWARD: Binding = bind(
    &[ch(']'), ctrl('i')],
    "], Ctrl-I",
    Action::HistoryForward,
    "Aller à l'endroit suivant (Ctrl-I : si distinct de Tab)",
);

/// The partners popup: letters are the filter; these keys are not text.
const PARTNERS_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc), key(KeyCode::Enter)],
        "Échap / Entrée",
        Action::Close,
        "Fermer les partenaires",
    )
    .hint("Échap fermer"),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        "↑ / Ctrl-P",
        Action::Up,
        "Partenaire précédent",
    )
    .hint("↑↓ défiler"),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        "↓ / Ctrl-N",
        Action::Down,
        "Partenaire suivant",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        "PgPréc",
        Action::PageUp,
        "Page précédente",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        "PgSuiv",
        Action::PageDown,
        "Page suivante",
    ),
    bind(
        &[key(KeyCode::Home)],
        "Début",
        Action::Top,
        "Premier partenaire",
    ),
    bind(
        &[key(KeyCode::End)],
        "Fin",
        Action::Bottom,
        "Dernier partenaire",
    ),
    bind(
        &[key(KeyCode::Backspace), ctrl('h')],
        "⌫",
        Action::SearchBackspace,
        "Effacer le caractère avant le curseur",
    ),
    bind(
        &[ctrl('u')],
        "Ctrl-U",
        Action::SearchClear,
        "Effacer le filtre",
    ),
    bind(
        &[ctrl('w')],
        "Ctrl-W",
        Action::SearchDeleteWord,
        "Effacer le mot avant le curseur",
    ),
];

const COPY: Binding = bind(
    &[ch('y')],
    "y",
    Action::Copy,
    "Copier le détail affiché dans le presse-papiers (texte)",
);

/// The findings popup: a list, and Entrée to go to the finding's place.
const FINDINGS_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Aller à l'endroit du constat (parcours, semestre, UE)",
    )
    .hint("Entrée aller"),
    bind(
        &[key(KeyCode::Esc), ch('!')],
        "Échap / !",
        Action::Close,
        "Fermer les constats",
    )
    .hint("Échap fermer"),
];

/// `w`: what loading skipped or repaired, wherever a fiche or the list is shown.
const OPEN_WARNINGS: Binding = bind(
    &[ch('w')],
    "w",
    Action::OpenWarnings,
    "Avertissements du chargement (fiches ignorées, réparées…)",
);

const WARNINGS_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ défiler"),
    bind(
        &[key(KeyCode::Esc), key(KeyCode::Enter), ch('w')],
        "Échap / w",
        Action::Close,
        "Fermer les avertissements",
    )
    .hint("Échap fermer"),
];

const HELP_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc), ch('?')],
        "Échap / ?",
        Action::Close,
        "Fermer l'aide",
    )
    .hint("Échap fermer"),
    bind(
        &[key(KeyCode::Up), ch('k')],
        "↑ / k",
        Action::Up,
        "Faire défiler l'aide vers le haut",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        "↓ / j",
        Action::Down,
        "Faire défiler l'aide vers le bas",
    )
    .hint("↑↓ défiler"),
];

/// The comparison view: both columns scroll together.
const COMPARE_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ défiler"),
    bind(&[ch('s')], "s", Action::Swap, "Échanger les deux côtés").hint("s échanger"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Revenir à l'exploration",
    )
    .hint("Échap retour"),
    bind(
        &[ch('c')],
        "c",
        Action::OpenCompare,
        "Comparer avec un autre parcours",
    )
    .hint("c changer"),
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Déplier ou replier le tronc commun",
    ),
    bind(
        &[ch('y')],
        "y",
        Action::Copy,
        "Copier toute la comparaison (Markdown) dans le presse-papiers",
    ),
    OPEN_HELP,
];

/// The comparison of two certifications: both columns scroll together.
const CERT_COMPARE_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ défiler"),
    bind(&[ch('s')], "s", Action::Swap, "Échanger les deux côtés").hint("s échanger"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Revenir là où la comparaison a été ouverte",
    )
    .hint("Échap retour"),
    bind(
        &[ch('c')],
        "c",
        Action::OpenCompare,
        "Comparer avec une autre certification",
    )
    .hint("c changer"),
    bind(
        &[ch('y')],
        "y",
        Action::Copy,
        "Copier toute la comparaison (Markdown) dans le presse-papiers",
    ),
    OPEN_HELP,
];

/// The picker of the certification to compare with: every printable key not
/// bound here is typed into the filter (see [`action_for`]).
const CERT_PICK_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Comparer avec cette certification",
    )
    .hint("Entrée comparer"),
    bind(&[key(KeyCode::Esc)], "Échap", Action::Close, "Annuler").hint("Échap annuler"),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        "↑ / Ctrl-P",
        Action::Up,
        "Fiche précédente",
    )
    .hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        "↓ / Ctrl-N",
        Action::Down,
        "Fiche suivante",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        "PgPréc",
        Action::PageUp,
        "Page précédente",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        "PgSuiv",
        Action::PageDown,
        "Page suivante",
    ),
    bind(
        &[key(KeyCode::Home)],
        "Début",
        Action::Top,
        "Première fiche",
    ),
    bind(
        &[key(KeyCode::End)],
        "Fin",
        Action::Bottom,
        "Dernière fiche",
    ),
    bind(
        &[key(KeyCode::Backspace), ctrl('h')],
        "⌫",
        Action::SearchBackspace,
        "Effacer le dernier caractère du filtre",
    ),
    bind(
        &[ctrl('u')],
        "Ctrl-U",
        Action::SearchClear,
        "Effacer le filtre",
    ),
    bind(
        &[ctrl('w')],
        "Ctrl-W",
        Action::SearchDeleteWord,
        "Effacer le dernier mot du filtre",
    ),
];

/// The picker of the parcours to compare with.
const COMPARE_PICK_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Comparer avec ce parcours",
    )
    .hint("Entrée comparer"),
    bind(&[key(KeyCode::Esc)], "Échap", Action::Close, "Annuler").hint("Échap annuler"),
];

/// In the search popup, every printable key not bound here is typed into
/// the query (see [`action_for`]); this table has the keys that are not text.
const SEARCH_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Aller au résultat (choisir le parcours s'il y en a plusieurs)",
    )
    .hint("Entrée aller"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Fermer la recherche sans bouger (ou revenir aux résultats)",
    )
    .hint("Échap fermer"),
    bind(
        &[key(KeyCode::Tab)],
        "Tab",
        Action::CycleFilter,
        "Filtrer par type : Tout, Emplois, Compétences… Cours",
    )
    .hint("Tab filtre"),
    bind(
        &[key(KeyCode::BackTab)],
        "Maj-Tab",
        Action::CycleFilterBack,
        "Filtre précédent",
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        "↑ / Ctrl-P",
        Action::Up,
        "Résultat précédent",
    )
    .hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        "↓ / Ctrl-N",
        Action::Down,
        "Résultat suivant",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        "PgPréc",
        Action::PageUp,
        "Page de résultats précédente",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        "PgSuiv",
        Action::PageDown,
        "Page de résultats suivante",
    ),
    bind(
        &[key(KeyCode::Left)],
        "←",
        Action::Left,
        "Curseur à gauche dans la requête",
    ),
    bind(
        &[key(KeyCode::Right)],
        "→",
        Action::Right,
        "Curseur à droite dans la requête",
    ),
    bind(
        &[key(KeyCode::Home), ctrl('a')],
        "Ctrl-A",
        Action::Top,
        "Curseur au début de la requête (aussi Début)",
    ),
    bind(
        &[key(KeyCode::End), ctrl('e')],
        "Ctrl-E",
        Action::Bottom,
        "Curseur à la fin de la requête (aussi Fin)",
    ),
    bind(
        &[key(KeyCode::Backspace), ctrl('h')],
        "⌫",
        Action::SearchBackspace,
        "Effacer le caractère avant le curseur",
    ),
    bind(
        &[ctrl('u')],
        "Ctrl-U",
        Action::SearchClear,
        "Effacer la requête jusqu'au curseur",
    ),
    bind(
        &[ctrl('w')],
        "Ctrl-W",
        Action::SearchDeleteWord,
        "Effacer le mot avant le curseur",
    ),
];

const FICHES_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Enter), key(KeyCode::Right), ch('l')],
        "Entrée / →",
        Action::Activate,
        "Ouvrir la fiche",
    )
    .hint("Entrée ouvrir"),
    bind(
        &[ch('/')],
        "/",
        Action::OpenSearch,
        "Filtrer la liste : numéro, mots de l'intitulé",
    )
    .hint("/ filtrer"),
    bind(
        &[ch('s')],
        "s",
        Action::Swap,
        "Trier : sources, numéro, intitulé, fin d'enregistrement",
    )
    .hint("s trier"),
    bind(
        &[ch('c')],
        "c",
        Action::OpenCompare,
        "Comparer la fiche choisie avec une autre certification",
    )
    .hint("c comparer"),
    bind(
        &[ctrl('f')],
        "Ctrl-F",
        Action::OpenCatalogueSearch,
        "Chercher dans tout le catalogue (certifications, métiers…)",
    )
    .hint("Ctrl-F chercher"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Effacer le filtre",
    ),
    OPEN_HELP,
];

const FICHE_FILTER_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter), key(KeyCode::Esc)],
        "Entrée / Échap",
        Action::Close,
        "Garder le filtre et revenir à la liste",
    )
    .hint("Entrée valider"),
    bind(
        &[key(KeyCode::Backspace), ctrl('h')],
        "⌫",
        Action::SearchBackspace,
        "Effacer le caractère avant le curseur",
    ),
    bind(
        &[ctrl('u')],
        "Ctrl-U",
        Action::SearchClear,
        "Effacer le filtre",
    ),
];

const fn facet(key: FacetKey) -> Action {
    Action::Facet(key)
}

/// The fiche list's facets: letters, the list has no text to type.
const FICHES_FACETS: &[Binding] = &[
    bind(
        &[ch('f')],
        "f",
        facet(FacetKey::Menu(Dimension::Repertoire)),
        "Facettes : choisir une valeur (←→ : facette voisine)",
    )
    .hint("f facettes"),
    bind(
        &[ch('r')],
        "r",
        facet(FacetKey::Cycle(Dimension::Repertoire)),
        "Répertoire : tous, RNCP, RS",
    ),
    bind(
        &[ch('n')],
        "n",
        facet(FacetKey::Cycle(Dimension::Level)),
        "Niveau : tous, puis chaque niveau qui donne des fiches",
    ),
    bind(
        &[ch('i')],
        "i",
        facet(FacetKey::Cycle(Dimension::Active)),
        "Montrer ou cacher les fiches inactives",
    ),
    bind(
        &[ch('d')],
        "d",
        facet(FacetKey::Menu(Dimension::Nsf)),
        "Domaine (NSF) : un code, son début ou un mot de son libellé",
    ),
    bind(
        &[ch('m')],
        "m",
        facet(FacetKey::Menu(Dimension::Rome)),
        "Métier (ROME) : un code, son début ou un mot de son libellé",
    ),
    bind(
        &[ch('a')],
        "a",
        facet(FacetKey::Menu(Dimension::Certifier)),
        "Autorité certificatrice : nom ou SIRET",
    ),
    bind(
        &[ch('x')],
        "x",
        facet(FacetKey::Reset),
        "Facettes par défaut",
    ),
];

/// The search popup's facets: letters type the query there, so function
/// keys (and Ctrl-T, where F-keys are taken by the system).
const SEARCH_FACETS: &[Binding] = &[
    bind(
        &[ctrl('r')],
        "Ctrl-R",
        Action::SwitchSearchMode,
        "Résultats par certification (une ligne par fiche) ou par élément",
    )
    .hint("Ctrl-R certif./éléments"),
    bind(
        &[key(KeyCode::F(2))],
        "F2",
        facet(FacetKey::Cycle(Dimension::Repertoire)),
        "Facette répertoire : tous, RNCP, RS",
    )
    .hint("F2…F7 facettes"),
    bind(
        &[key(KeyCode::F(3))],
        "F3",
        facet(FacetKey::Cycle(Dimension::Level)),
        "Facette niveau : tous, puis chaque niveau qui donne des fiches",
    ),
    bind(
        &[key(KeyCode::F(4)), ctrl('t')],
        "F4 / Ctrl-T",
        facet(FacetKey::Cycle(Dimension::Active)),
        "Inclure les certifications inactives, ou non",
    ),
    bind(
        &[key(KeyCode::F(5))],
        "F5",
        facet(FacetKey::Menu(Dimension::Nsf)),
        "Facette NSF : code, début ou mot du libellé (menu)",
    ),
    bind(
        &[key(KeyCode::F(6))],
        "F6",
        facet(FacetKey::Menu(Dimension::Rome)),
        "Facette ROME : code, début ou mot du libellé (menu)",
    ),
    bind(
        &[key(KeyCode::F(7))],
        "F7",
        facet(FacetKey::Menu(Dimension::Certifier)),
        "Facette certificateur : nom ou SIRET (menu)",
    ),
    bind(
        &[key(KeyCode::F(8))],
        "F8",
        facet(FacetKey::Reset),
        "Facettes par défaut (certifications actives)",
    ),
];

/// The menu of a facet's values: typed text narrows them.
const FACET_MENU_OWN: &[Binding] = &[
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Choisir cette valeur",
    )
    .hint("Entrée choisir"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Fermer le menu sans rien changer",
    )
    .hint("Échap fermer"),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        "↑ / Ctrl-P",
        Action::Up,
        "Valeur précédente",
    )
    .hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        "↓ / Ctrl-N",
        Action::Down,
        "Valeur suivante",
    ),
    bind(
        &[key(KeyCode::PageUp)],
        "PgPréc",
        Action::PageUp,
        "Remonter d'une page",
    ),
    bind(
        &[key(KeyCode::PageDown)],
        "PgSuiv",
        Action::PageDown,
        "Descendre d'une page",
    ),
    bind(
        &[key(KeyCode::Left), key(KeyCode::BackTab)],
        "← / Maj-Tab",
        Action::Left,
        "Facette précédente",
    )
    .hint("←→ facette"),
    bind(
        &[key(KeyCode::Right), key(KeyCode::Tab)],
        "→ / Tab",
        Action::Right,
        "Facette suivante",
    ),
    bind(
        &[key(KeyCode::Backspace), ctrl('h')],
        "⌫",
        Action::SearchBackspace,
        "Effacer le caractère avant le curseur",
    ),
    bind(
        &[ctrl('u')],
        "Ctrl-U",
        Action::SearchClear,
        "Effacer le texte tapé",
    ),
];

/// Choosing the parcours a search result is shown in.
const SEARCH_PICK_OWN: &[Binding] = &[
    UP,
    DOWN.hint("↑↓ choisir"),
    bind(
        &[key(KeyCode::Enter)],
        "Entrée",
        Action::Activate,
        "Aller au résultat dans ce parcours",
    )
    .hint("Entrée aller"),
    bind(
        &[key(KeyCode::Esc)],
        "Échap",
        Action::Close,
        "Revenir aux résultats",
    )
    .hint("Échap retour"),
];

/// In a fiche of a catalogue: back to the fiche list.
const BACK_TO_LIST: &[Binding] = &[bind(
    &[key(KeyCode::Esc), key(KeyCode::Backspace)],
    "Échap / ⌫",
    Action::Close,
    "Revenir à la liste des fiches",
)
.hint("Échap liste")];

/// The layers of `mode`'s table, in order: earlier ones win a key, the
/// help popup lists them in this order and the status bar ranks their hints so.
fn layers(mode: KeyMode) -> &'static [&'static [Binding]] {
    match mode {
        KeyMode::Browse => &[
            BROWSE_MOVES,
            JUMPS,
            BROWSE_OPEN,
            COMPARE_PARCOURS,
            BROWSE_MORE,
            FOLLOW,
            &[OPEN_WARNINGS],
            QUIT,
        ],
        KeyMode::Help => &[HELP_OWN, JUMPS, QUIT],
        KeyMode::Compare => &[COMPARE_OWN, JUMPS, QUIT],
        KeyMode::ComparePick => &[COMPARE_PICK_OWN, JUMPS, QUIT],
        // Letters are text there: only Ctrl-C quits.
        KeyMode::Search => &[SEARCH_OWN, &[QUIT_CTRL_C]],
        KeyMode::CatalogueSearch => &[SEARCH_OWN, SEARCH_FACETS, &[QUIT_CTRL_C]],
        KeyMode::Fiches => &[
            FICHES_OWN,
            FICHES_FACETS,
            JUMPS,
            &[OPEN_WARNINGS, HISTORY_BACK, HISTORY_FORWARD],
            QUIT,
        ],
        KeyMode::FacetMenu => &[FACET_MENU_OWN, &[QUIT_CTRL_C]],
        KeyMode::FicheFilter => &[FICHE_FILTER_OWN, &[QUIT_CTRL_C]],
        KeyMode::FicheBrowse => &[
            BROWSE_MOVES,
            JUMPS,
            BROWSE_OPEN,
            COMPARE_ANY,
            BROWSE_MORE,
            FOLLOW,
            &[OPEN_WARNINGS],
            BACK_TO_LIST,
            QUIT,
        ],
        KeyMode::SearchPick => &[SEARCH_PICK_OWN, JUMPS, QUIT],
        KeyMode::Findings => &[FINDINGS_OWN, JUMPS, QUIT],
        KeyMode::Warnings => &[WARNINGS_OWN, JUMPS, QUIT],
        KeyMode::CertCompare => &[CERT_COMPARE_OWN, JUMPS, QUIT],
        // Letters are the filter there: only Ctrl-C quits.
        KeyMode::Partners => &[PARTNERS_OWN, &[QUIT_CTRL_C]],
        KeyMode::CertPick => &[CERT_PICK_OWN, &[QUIT_CTRL_C]],
    }
}

/// Every binding of `mode`, in table order.
pub fn bindings(mode: KeyMode) -> impl Iterator<Item = &'static Binding> + Clone {
    layers(mode).iter().flat_map(|layer| layer.iter())
}

/// Status-bar hints for `mode` with `focus`, in table order (most useful first).
pub fn hints(mode: KeyMode, focus: Pane) -> impl Iterator<Item = &'static str> {
    bindings(mode)
        .filter(move |b| b.hint_panes.is_empty() || b.hint_panes.contains(&focus))
        .filter_map(|b| b.hint)
}

/// The action a key press means in `mode`; `None` for unbound keys and for
/// key releases/repeats reported by terminals with enhanced keyboard support.
pub fn action_for(mode: KeyMode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = bindings(mode)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    match (mode, event.code) {
        (
            KeyMode::Search
            | KeyMode::CatalogueSearch
            | KeyMode::FicheFilter
            | KeyMode::FacetMenu
            | KeyMode::Partners
            | KeyMode::CertPick,
            KeyCode::Char(c),
        ) if bound.is_none()
            && !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && !c.is_control() =>
        {
            Some(Action::SearchInput(c))
        }
        _ => bound,
    }
}

/// An Alt-key in a popup is what a terminal sends for Esc quickly followed
/// by that key: the key without Alt, to be taken after closing the popup.
pub fn after_escape(mode: KeyMode, event: &KeyEvent) -> Option<KeyEvent> {
    let popup = matches!(
        mode,
        KeyMode::Help
            | KeyMode::Search
            | KeyMode::CatalogueSearch
            | KeyMode::SearchPick
            | KeyMode::ComparePick
            | KeyMode::CertPick
            | KeyMode::FicheFilter
            | KeyMode::Findings
            | KeyMode::Warnings
            | KeyMode::Partners
            | KeyMode::FacetMenu
    );
    let alt_only = event.modifiers.contains(KeyModifiers::ALT)
        && !event.modifiers.contains(KeyModifiers::CONTROL);
    (popup && alt_only && event.kind != KeyEventKind::Release).then(|| {
        let mut plain = *event;
        plain.modifiers.remove(KeyModifiers::ALT);
        plain
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn vim_keys_and_arrows_mean_the_same() {
        let m = KeyMode::Browse;
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(m, &press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Down, none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Char('h'), none)),
            Some(Action::Left)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
    }

    #[test]
    fn ctrl_c_quits_but_plain_c_does_not() {
        let m = KeyMode::Browse;
        assert_eq!(
            action_for(m, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        // Plain `c` compares; only Ctrl-C quits.
        assert_eq!(
            action_for(m, &press(KeyCode::Char('c'), KeyModifiers::NONE)),
            Some(Action::OpenCompare)
        );
        assert_eq!(
            action_for(
                KeyMode::Help,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [
            KeyMode::Browse,
            KeyMode::Help,
            KeyMode::Compare,
            KeyMode::ComparePick,
            KeyMode::Search,
            KeyMode::CatalogueSearch,
            KeyMode::Findings,
            KeyMode::FicheBrowse,
            KeyMode::Fiches,
            KeyMode::Partners,
            KeyMode::FacetMenu,
        ] {
            let keys: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} bound twice");
            }
        }
    }

    #[test]
    fn hints_follow_the_focused_pane() {
        let tree: Vec<_> = hints(KeyMode::Browse, Pane::Maquette).collect();
        let detail: Vec<_> = hints(KeyMode::Browse, Pane::Detail).collect();
        assert!(tree.contains(&"←→ replier/déplier"));
        assert!(!detail.contains(&"←→ replier/déplier"));
        assert!(detail.contains(&"? aide") && detail.contains(&"q quitter"));
        assert_eq!(detail.first(), Some(&"↑↓ défiler"));
        assert!(!detail.contains(&"↑↓ naviguer"));
    }

    #[test]
    fn in_search_letters_are_text_and_control_keys_edit() {
        let m = KeyMode::Search;
        let none = KeyModifiers::NONE;
        // Letters that browse with (j, k, q, ?) are typed, not obeyed.
        for c in ['j', 'q', '?', '/', 'é', 'É', ' '] {
            let shift = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                none
            };
            assert_eq!(
                action_for(m, &press(KeyCode::Char(c), shift)),
                Some(Action::SearchInput(c))
            );
        }
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            action_for(m, &press(KeyCode::Char('n'), ctrl)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Char('p'), ctrl)),
            Some(Action::Up)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Char('w'), ctrl)),
            Some(Action::SearchDeleteWord)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Char('u'), ctrl)),
            Some(Action::SearchClear)
        );
        assert_eq!(action_for(m, &press(KeyCode::Char('x'), ctrl)), None);
        assert_eq!(
            action_for(m, &press(KeyCode::Tab, none)),
            Some(Action::CycleFilter)
        );
        assert_eq!(
            action_for(m, &press(KeyCode::Esc, none)),
            Some(Action::Close)
        );
        assert_eq!(
            action_for(KeyMode::Browse, &press(KeyCode::Char('/'), none)),
            Some(Action::OpenSearch)
        );
    }

    #[test]
    fn every_list_has_the_jumps_and_quits_where_letters_are_keys() {
        let none = KeyModifiers::NONE;
        for mode in [
            KeyMode::Browse,
            KeyMode::Help,
            KeyMode::Compare,
            KeyMode::ComparePick,
        ] {
            for (code, action) in [
                (KeyCode::Char('G'), Action::Bottom),
                (KeyCode::Home, Action::Top),
                (KeyCode::PageDown, Action::PageDown),
                (KeyCode::Char('j'), Action::Down),
                (KeyCode::Char('q'), Action::Quit),
            ] {
                assert_eq!(
                    action_for(mode, &press(code, none)),
                    Some(action),
                    "{mode:?} {code:?}"
                );
            }
        }
        // In the search popup `q` is a letter of the query.
        assert_eq!(
            action_for(KeyMode::Search, &press(KeyCode::Char('q'), none)),
            Some(Action::SearchInput('q'))
        );
    }

    #[test]
    fn escape_closes_help() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(KeyMode::Help, &esc), Some(Action::Close));
    }
}
