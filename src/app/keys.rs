//! The one key table: key → action → description, per key mode. Input
//! handling (`action_for`), the help popup and the status-bar hints all read
//! it, so they cannot disagree. Binding descriptions live here; every other
//! UI text lives in `strings`.
//!
//! Adding a mode or popup: add a `KeyMode` variant, a `&[Binding]` table for
//! it, and a match arm in `bindings`; `App::key_mode` decides when it is active.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};

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

/// Which table is active: the browsing screen, or the popup on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Browse,
    Help,
    /// The comparison view.
    Compare,
    /// The picker choosing the parcours to compare with.
    ComparePick,
    /// The search popup.
    Search,
}

pub const BROWSE: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ / k",
        action: Action::Up,
        description: "Monter d'une ligne",
        // In the detail pane the arrows scroll text rather than move a cursor.
        hint: Some("↑↓ défiler"),
        hint_panes: &[Pane::Detail],
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ / j",
        action: Action::Down,
        description: "Descendre d'une ligne",
        hint: Some("↑↓ naviguer"),
        hint_panes: &[Pane::Parcours, Pane::Maquette],
    },
    Binding {
        keys: &[key(KeyCode::Left), ch('h')],
        label: "← / h",
        action: Action::Left,
        description: "Replier, aller au parent, ou panneau de gauche",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Right), ch('l')],
        label: "→ / l",
        action: Action::Right,
        description: "Déplier, entrer dans le nœud, ou panneau de droite",
        hint: Some("←→ replier/déplier"),
        hint_panes: &[Pane::Maquette],
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Entrée",
        action: Action::Activate,
        description: "Choisir le parcours, ou replier/déplier le nœud",
        hint: Some("Entrée choisir"),
        hint_panes: &[Pane::Parcours, Pane::Maquette],
    },
    Binding {
        keys: &[key(KeyCode::Tab)],
        label: "Tab",
        action: Action::NextPane,
        description: "Panneau suivant",
        hint: Some("Tab panneau"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::BackTab)],
        label: "Maj-Tab",
        action: Action::PrevPane,
        description: "Panneau précédent",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('g'), key(KeyCode::Home)],
        label: "g / Début",
        action: Action::Top,
        description: "Aller en haut",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('G'), key(KeyCode::End)],
        label: "G / Fin",
        action: Action::Bottom,
        description: "Aller en bas",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageUp)],
        label: "PgPréc",
        action: Action::PageUp,
        description: "Remonter d'une page",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        label: "PgSuiv",
        action: Action::PageDown,
        description: "Descendre d'une page",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('?')],
        label: "?",
        action: Action::OpenHelp,
        description: "Afficher l'aide",
        hint: Some("? aide"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('/')],
        label: "/",
        action: Action::OpenSearch,
        description: "Chercher un métier, une compétence, une UE, un cours…",
        hint: Some("/ chercher"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('c')],
        label: "c",
        action: Action::OpenCompare,
        description: "Comparer le parcours choisi avec un autre",
        hint: Some("c comparer"),
        hint_panes: &[Pane::Parcours, Pane::Maquette],
    },
    Binding {
        keys: &[ch('q')],
        label: "q",
        action: Action::Quit,
        description: "Quitter",
        hint: Some("q quitter"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('c')],
        label: "Ctrl-C",
        action: Action::Quit,
        description: "Quitter",
        hint: None,
        hint_panes: &[],
    },
];

pub const HELP: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Esc), ch('?')],
        label: "Échap / ?",
        action: Action::Close,
        description: "Fermer l'aide",
        hint: Some("Échap fermer"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ / k",
        action: Action::Up,
        description: "Faire défiler l'aide vers le haut",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ / j",
        action: Action::Down,
        description: "Faire défiler l'aide vers le bas",
        hint: Some("↑↓ défiler"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('q')],
        label: "q",
        action: Action::Quit,
        description: "Quitter",
        hint: Some("q quitter"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('c')],
        label: "Ctrl-C",
        action: Action::Quit,
        description: "Quitter",
        hint: None,
        hint_panes: &[],
    },
];

/// The comparison view: both columns scroll together.
pub const COMPARE: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ / k",
        action: Action::Up,
        description: "Monter d'une ligne",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ / j",
        action: Action::Down,
        description: "Descendre d'une ligne",
        hint: Some("↑↓ défiler"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageUp)],
        label: "PgPréc",
        action: Action::PageUp,
        description: "Remonter d'une page",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        label: "PgSuiv",
        action: Action::PageDown,
        description: "Descendre d'une page",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('g'), key(KeyCode::Home)],
        label: "g / Début",
        action: Action::Top,
        description: "Aller en haut",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('G'), key(KeyCode::End)],
        label: "G / Fin",
        action: Action::Bottom,
        description: "Aller en bas",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('s')],
        label: "s",
        action: Action::Swap,
        description: "Échanger les deux côtés",
        hint: Some("s échanger"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Échap",
        action: Action::Close,
        description: "Revenir à l'exploration",
        hint: Some("Échap retour"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('c')],
        label: "c",
        action: Action::OpenCompare,
        description: "Comparer avec un autre parcours",
        hint: Some("c changer"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Entrée",
        action: Action::Activate,
        description: "Déplier ou replier le tronc commun",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('?')],
        label: "?",
        action: Action::OpenHelp,
        description: "Afficher l'aide",
        hint: Some("? aide"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('q')],
        label: "q",
        action: Action::Quit,
        description: "Quitter",
        hint: Some("q quitter"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('c')],
        label: "Ctrl-C",
        action: Action::Quit,
        description: "Quitter",
        hint: None,
        hint_panes: &[],
    },
];

/// The picker of the parcours to compare with.
pub const COMPARE_PICK: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ / k",
        action: Action::Up,
        description: "Monter d'une ligne",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ / j",
        action: Action::Down,
        description: "Descendre d'une ligne",
        hint: Some("↑↓ choisir"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Entrée",
        action: Action::Activate,
        description: "Comparer avec ce parcours",
        hint: Some("Entrée comparer"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Échap",
        action: Action::Close,
        description: "Annuler",
        hint: Some("Échap annuler"),
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('g'), key(KeyCode::Home)],
        label: "g / Début",
        action: Action::Top,
        description: "Aller en haut",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ch('G'), key(KeyCode::End)],
        label: "G / Fin",
        action: Action::Bottom,
        description: "Aller en bas",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('c')],
        label: "Ctrl-C",
        action: Action::Quit,
        description: "Quitter",
        hint: None,
        hint_panes: &[],
    },
];

/// In the search popup, every printable key not bound here is typed into
/// the query (see [`action_for`]); this table has the keys that are not text.
pub const SEARCH: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Entrée",
        action: Action::Activate,
        description: "Aller au résultat (choisir le parcours s'il y en a plusieurs)",
        hint: Some("Entrée aller"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Échap",
        action: Action::Close,
        description: "Fermer la recherche sans bouger (ou revenir aux résultats)",
        hint: Some("Échap fermer"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Tab)],
        label: "Tab",
        action: Action::CycleFilter,
        description: "Filtrer par type : Tout, Emplois, Compétences… Cours",
        hint: Some("Tab filtre"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Up), ctrl('p')],
        label: "↑ / Ctrl-P",
        action: Action::Up,
        description: "Résultat précédent",
        hint: Some("↑↓ choisir"),
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Down), ctrl('n')],
        label: "↓ / Ctrl-N",
        action: Action::Down,
        description: "Résultat suivant",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageUp)],
        label: "PgPréc",
        action: Action::PageUp,
        description: "Page de résultats précédente",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        label: "PgSuiv",
        action: Action::PageDown,
        description: "Page de résultats suivante",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Left)],
        label: "←",
        action: Action::Left,
        description: "Curseur à gauche dans la requête",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Right)],
        label: "→",
        action: Action::Right,
        description: "Curseur à droite dans la requête",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Home), ctrl('a')],
        label: "Ctrl-A",
        action: Action::Top,
        description: "Curseur au début de la requête (aussi Début)",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::End), ctrl('e')],
        label: "Ctrl-E",
        action: Action::Bottom,
        description: "Curseur à la fin de la requête (aussi Fin)",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[key(KeyCode::Backspace), ctrl('h')],
        label: "⌫",
        action: Action::SearchBackspace,
        description: "Effacer le caractère avant le curseur",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('u')],
        label: "Ctrl-U",
        action: Action::SearchClear,
        description: "Effacer la requête jusqu'au curseur",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('w')],
        label: "Ctrl-W",
        action: Action::SearchDeleteWord,
        description: "Effacer le mot avant le curseur",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[],
        label: "texte",
        action: Action::SearchInput(' '),
        description: "Taper la requête (mots dans tout ordre, accents facultatifs)",
        hint: None,
        hint_panes: &[],
    },
    Binding {
        keys: &[ctrl('c')],
        label: "Ctrl-C",
        action: Action::Quit,
        description: "Quitter",
        hint: None,
        hint_panes: &[],
    },
];

/// Status-bar hints for `mode` with `focus`, in table order (most useful first).
pub fn hints(mode: KeyMode, focus: Pane) -> impl Iterator<Item = &'static str> {
    bindings(mode)
        .iter()
        .filter(move |b| b.hint_panes.is_empty() || b.hint_panes.contains(&focus))
        .filter_map(|b| b.hint)
}

pub fn bindings(mode: KeyMode) -> &'static [Binding] {
    match mode {
        KeyMode::Browse => BROWSE,
        KeyMode::Help => HELP,
        KeyMode::Compare => COMPARE,
        KeyMode::ComparePick => COMPARE_PICK,
        KeyMode::Search => SEARCH,
    }
}

/// The action a key press means in `mode`; `None` for unbound keys and for
/// key releases/repeats reported by terminals with enhanced keyboard support.
pub fn action_for(mode: KeyMode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = bindings(mode)
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    match (mode, event.code) {
        (KeyMode::Search, KeyCode::Char(c))
            if bound.is_none()
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
        ] {
            let keys: Vec<Key> = bindings(mode)
                .iter()
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
    fn escape_closes_help() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(action_for(KeyMode::Help, &esc), Some(Action::Close));
    }
}
