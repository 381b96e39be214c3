//! The facet bar, shared by the fiche list and the search popup: the facets
//! in force, their counts for the current query (each facet counted with the
//! others applied, `model::facets::FacetCounts`), the keys that change them
//! and the menu of one facet's values. The owner recomputes its rows and
//! counts when a transition here reports a change.

use std::sync::Arc;

use super::action::Action;
use super::list::ListCursor;
use crate::model::Repertoire;
use crate::model::code_labels::CodeLabels;
use crate::model::facets::{Dimension, FacetCounts, Facets};
use crate::model::normalize::fold_str;

/// Levels of the French framework that certifications have (3 = CAP … 8 = doctorat).
pub const LEVELS: std::ops::RangeInclusive<u8> = 3..=8;

/// Rows of a facet menu a page key moves.
const MENU_PAGE: usize = 8;

/// What a facet key asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKey {
    /// Répertoire or level: the next value giving fiches; the active facet:
    /// inactive fiches in or out.
    Cycle(Dimension),
    /// The menu of this facet's values.
    Menu(Dimension),
    /// Every facet back to the screen's default.
    Reset,
}

/// The facets of one screen and what they count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetBar {
    pub facets: Facets,
    /// What [`FacetKey::Reset`] comes back to: the list shows inactive
    /// fiches, the search active ones only.
    pub default: Facets,
    /// Counts for the current query (set by the owner with [`FacetBar::set_counts`]).
    pub counts: FacetCounts,
    /// Whether `counts` are known yet: a search still waiting for its index
    /// has none, and shows none rather than zeros.
    pub counted: bool,
    /// The menu of one facet's values, when open (it has the keyboard).
    pub menu: Option<FacetMenu>,
    /// The NSF and ROME codes' labels, once the app has read them: shown in
    /// the menus, and searched by words typed there ("informatique").
    pub labels: Option<Arc<CodeLabels>>,
}

/// Choosing one facet's value: typed text narrows the values, ←→ go to
/// the neighbouring facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetMenu {
    pub dimension: Dimension,
    /// A code's beginning, part of a certifier's name.
    pub input: String,
    pub list: ListCursor,
}

/// A value a facet can be set to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacetValue {
    Repertoire(Option<Repertoire>),
    Level(Option<u8>),
    IncludeInactive(bool),
    Nsf(Option<String>),
    Rome(Option<String>),
    Certifier(Option<String>),
}

/// One row of a facet menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    pub value: FacetValue,
    /// Fiches this value gives with the other facets, when known: the typed
    /// beginning of a code is not counted (a fiche may have several codes
    /// starting so), rather than counted wrong.
    pub count: Option<usize>,
    /// The value is the text typed, not one of the listed ones.
    pub typed: bool,
}

/// What a transition did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing the owner must redo.
    None,
    /// The facets changed: rows and counts must be recomputed.
    Facets,
}

impl FacetBar {
    pub fn new(default: Facets) -> FacetBar {
        FacetBar {
            facets: default.clone(),
            default,
            counts: FacetCounts::default(),
            counted: false,
            menu: None,
            labels: None,
        }
    }

    /// The counts for the current query.
    pub fn set_counts(&mut self, counts: FacetCounts) {
        self.counts = counts;
        self.counted = true;
    }

    /// Whether `dimension` narrows anything beyond the screen's default.
    pub fn is_set(&self, dimension: Dimension) -> bool {
        let (f, d) = (&self.facets, &self.default);
        match dimension {
            Dimension::Repertoire => f.repertoire.is_some(),
            Dimension::Level => f.level.is_some(),
            Dimension::Active => f.include_inactive != d.include_inactive,
            Dimension::Nsf => f.nsf.is_some(),
            Dimension::Rome => f.rome.is_some(),
            Dimension::Certifier => f.certifier.is_some(),
        }
    }

    /// A facet key.
    pub fn key(&mut self, key: FacetKey) -> Change {
        match key {
            FacetKey::Cycle(dimension) => self.cycle(dimension),
            FacetKey::Menu(dimension) => {
                self.open_menu(dimension);
                Change::None
            }
            FacetKey::Reset => {
                self.menu = None;
                self.set_facets(self.default.clone())
            }
        }
    }

    fn set_facets(&mut self, facets: Facets) -> Change {
        if facets == self.facets {
            return Change::None;
        }
        self.facets = facets;
        Change::Facets
    }

    /// The next value of `dimension` that gives fiches (then back to
    /// "all"); the active facet toggles; the text facets open their menu.
    fn cycle(&mut self, dimension: Dimension) -> Change {
        let mut facets = self.facets.clone();
        match dimension {
            Dimension::Repertoire => {
                let values = [None, Some(Repertoire::Rncp), Some(Repertoire::Rs)];
                facets.repertoire = next_value(&values, &facets.repertoire, |r| {
                    !self.counted || r.is_none_or(|r| self.counts.of_repertoire(r) > 0)
                });
            }
            Dimension::Level => {
                let values: Vec<Option<u8>> = std::iter::once(None)
                    .chain(self.levels().into_iter().map(Some))
                    .collect();
                facets.level = next_value(&values, &facets.level, |l| {
                    !self.counted || l.is_none_or(|l| self.counts.of_level(Some(l)) > 0)
                });
            }
            Dimension::Active => facets.include_inactive = !facets.include_inactive,
            Dimension::Nsf | Dimension::Rome | Dimension::Certifier => {
                self.open_menu(dimension);
                return Change::None;
            }
        }
        self.set_facets(facets)
    }

    /// Levels a menu or the cycle offers: 3 to 8, and any other level the
    /// fiches have.
    pub fn levels(&self) -> Vec<u8> {
        let mut levels: Vec<u8> = LEVELS.collect();
        for (level, _) in &self.counts.level {
            if let Some(l) = level
                && !levels.contains(l)
            {
                levels.push(*l);
            }
        }
        levels.sort_unstable();
        levels
    }

    /// Opens the menu of `dimension`, its cursor on the value in force.
    pub fn open_menu(&mut self, dimension: Dimension) {
        let mut menu = FacetMenu {
            dimension,
            input: String::new(),
            list: ListCursor::default(),
        };
        let current = self.current_value(dimension);
        let options = self.options_for(&menu);
        menu.list.selected = options.iter().position(|o| o.value == current).unwrap_or(0);
        self.menu = Some(menu);
    }

    /// The value of `dimension` in force.
    pub fn current_value(&self, dimension: Dimension) -> FacetValue {
        let f = &self.facets;
        match dimension {
            Dimension::Repertoire => FacetValue::Repertoire(f.repertoire),
            Dimension::Level => FacetValue::Level(f.level),
            Dimension::Active => FacetValue::IncludeInactive(f.include_inactive),
            Dimension::Nsf => FacetValue::Nsf(f.nsf.clone()),
            Dimension::Rome => FacetValue::Rome(f.rome.clone()),
            Dimension::Certifier => FacetValue::Certifier(f.certifier.clone()),
        }
    }

    /// The open menu's rows.
    pub fn options(&self) -> Vec<FacetOption> {
        self.menu
            .as_ref()
            .map_or_else(Vec::new, |menu| self.options_for(menu))
    }

    /// `menu`'s rows: "all" first, the typed text when it is not one of the
    /// values, then the values the counts know matching it, with their counts.
    fn options_for(&self, menu: &FacetMenu) -> Vec<FacetOption> {
        let c = &self.counts;
        let known = |value, count| FacetOption {
            value,
            count: self.counted.then_some(count),
            typed: false,
        };
        fn sum<K>(counts: &[(K, usize)]) -> usize {
            counts.iter().map(|(_, n)| n).sum()
        }
        let typed = menu.input.trim();
        // "All" of a text facet: the fiches it lets through when unset.
        let all = (self.counted && !self.is_set(menu.dimension)).then_some(c.total);
        match menu.dimension {
            Dimension::Repertoire => {
                let mut out = vec![known(FacetValue::Repertoire(None), sum(&c.repertoire))];
                for r in [Repertoire::Rncp, Repertoire::Rs] {
                    out.push(known(FacetValue::Repertoire(Some(r)), c.of_repertoire(r)));
                }
                narrowed(out, typed, |o| match &o.value {
                    FacetValue::Repertoire(Some(r)) => r.prefix().to_string(),
                    _ => String::new(),
                })
            }
            Dimension::Level => {
                // "All" counts the fiches without a level too.
                let mut out = vec![known(FacetValue::Level(None), sum(&c.level))];
                for l in self.levels() {
                    out.push(known(FacetValue::Level(Some(l)), c.of_level(Some(l))));
                }
                narrowed(out, typed, |o| match &o.value {
                    FacetValue::Level(Some(l)) => l.to_string(),
                    _ => String::new(),
                })
            }
            Dimension::Active => vec![
                known(
                    FacetValue::IncludeInactive(false),
                    c.active + c.unknown_state,
                ),
                known(
                    FacetValue::IncludeInactive(true),
                    c.active + c.inactive + c.unknown_state,
                ),
            ],
            Dimension::Nsf => {
                let label = |code: &str| self.labels.as_deref().and_then(|l| l.nsf(code));
                code_options(&c.nsf, typed, FacetValue::Nsf, all, label)
            }
            Dimension::Rome => {
                let label = |code: &str| self.labels.as_deref().and_then(|l| l.rome(code));
                code_options(&c.rome, typed, FacetValue::Rome, all, label)
            }
            Dimension::Certifier => {
                let folded = fold_str(typed);
                let mut out = vec![FacetOption {
                    value: FacetValue::Certifier(None),
                    count: all,
                    typed: false,
                }];
                let listed: Vec<&(String, usize)> = c
                    .certifier
                    .iter()
                    .filter(|(name, _)| fold_str(name).contains(&folded))
                    .collect();
                if !typed.is_empty() && !listed.iter().any(|(n, _)| fold_str(n) == folded) {
                    out.push(FacetOption {
                        value: FacetValue::Certifier(Some(typed.to_string())),
                        count: None,
                        typed: true,
                    });
                }
                out.extend(
                    listed
                        .into_iter()
                        .map(|(name, n)| known(FacetValue::Certifier(Some(name.clone())), *n)),
                );
                out
            }
        }
    }

    /// Sets the value under the menu's cursor, and closes it.
    fn choose(&mut self) -> Change {
        let options = self.options();
        let Some(menu) = &self.menu else {
            return Change::None;
        };
        let Some(option) = options.get(menu.list.selected) else {
            return Change::None;
        };
        let mut facets = self.facets.clone();
        match option.value.clone() {
            FacetValue::Repertoire(v) => facets.repertoire = v,
            FacetValue::Level(v) => facets.level = v,
            FacetValue::IncludeInactive(v) => facets.include_inactive = v,
            FacetValue::Nsf(v) => facets.nsf = v,
            FacetValue::Rome(v) => facets.rome = v,
            FacetValue::Certifier(v) => facets.certifier = v,
        }
        self.menu = None;
        self.set_facets(facets)
    }

    /// An action while the menu is open (it has the keyboard).
    pub fn menu_action(&mut self, action: Action) -> Change {
        let len = self.options().len();
        let Some(menu) = &mut self.menu else {
            return Change::None;
        };
        match action {
            Action::Close => self.menu = None,
            Action::Activate => return self.choose(),
            Action::Left | Action::Right => {
                let all = Dimension::ALL;
                let at = all.iter().position(|d| *d == menu.dimension).unwrap_or(0);
                let next = if action == Action::Left {
                    (at + all.len() - 1) % all.len()
                } else {
                    (at + 1) % all.len()
                };
                self.open_menu(all[next]);
            }
            Action::SearchInput(c) => {
                menu.input.push(c);
                menu.list = ListCursor::default();
                self.select_typed();
            }
            Action::SearchBackspace => {
                menu.input.pop();
                menu.list = ListCursor::default();
                self.select_typed();
            }
            Action::SearchClear => {
                menu.input.clear();
                menu.list = ListCursor::default();
            }
            Action::Wheel { down, .. } => menu.list.wheel(down, len, MENU_PAGE),
            other => {
                menu.list.step(other, len, MENU_PAGE);
            }
        }
        Change::None
    }

    /// After typing, the cursor goes to the first value matching (past "all").
    fn select_typed(&mut self) {
        let len = self.options().len();
        if let Some(menu) = &mut self.menu
            && !menu.input.trim().is_empty()
        {
            menu.list.selected = 1.min(len.saturating_sub(1));
        }
    }

    /// A click on row `index` of the open menu: chooses it.
    pub fn click_option(&mut self, index: usize) -> Change {
        let len = self.options().len();
        match &mut self.menu {
            Some(menu) if index < len => {
                menu.list.selected = index;
                self.choose()
            }
            _ => Change::None,
        }
    }
}

/// The value after `current` in `values` that `gives` accepts, going round;
/// `current` itself when no other is accepted.
fn next_value<T: PartialEq + Clone>(values: &[T], current: &T, gives: impl Fn(&T) -> bool) -> T {
    let at = values.iter().position(|v| v == current).unwrap_or(0);
    (1..=values.len())
        .map(|step| &values[(at + step) % values.len()])
        .find(|v| gives(v))
        .unwrap_or(current)
        .clone()
}

/// The options whose `key` starts with the typed text ("all" always kept).
fn narrowed(
    options: Vec<FacetOption>,
    typed: &str,
    key: impl Fn(&FacetOption) -> String,
) -> Vec<FacetOption> {
    let typed = typed.to_uppercase();
    options
        .into_iter()
        .enumerate()
        .filter(|(i, o)| *i == 0 || key(o).to_uppercase().starts_with(&typed))
        .map(|(_, o)| o)
        .collect()
}

/// NSF or ROME: "all" (counted when known: `all`), the typed beginning
/// when it is no code listed, then the listed codes starting with it.
/// A code's menu: "all", then the codes matching what was typed. Typed
/// text shaped like a code ("M18", "31") is a code's beginning, offered as
/// a value of its own; words ("informatique", "btp") are looked for in the
/// codes' labels.
fn code_options<'a>(
    counts: &'a [(String, usize)],
    typed: &str,
    value: impl Fn(Option<String>) -> FacetValue,
    all: Option<usize>,
    label: impl Fn(&str) -> Option<&'a str>,
) -> Vec<FacetOption> {
    let mut out = vec![FacetOption {
        value: value(None),
        count: all,
        typed: false,
    }];
    if !typed.trim().is_empty() && !looks_like_a_code(typed.trim()) {
        let words: Vec<String> = fold_str(typed)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        out.extend(
            counts
                .iter()
                .filter(|(code, _)| {
                    let text = fold_str(&format!("{code} {}", label(code).unwrap_or("")));
                    words.iter().all(|w| text.contains(w.as_str()))
                })
                .map(|(code, n)| FacetOption {
                    value: value(Some(code.clone())),
                    count: Some(*n),
                    typed: false,
                }),
        );
        return out;
    }
    let typed = typed.trim().to_uppercase();
    let listed: Vec<&(String, usize)> = counts
        .iter()
        .filter(|(code, _)| code.to_uppercase().starts_with(&typed))
        .collect();
    if !typed.is_empty() && !listed.iter().any(|(code, _)| code.to_uppercase() == typed) {
        out.push(FacetOption {
            value: value(Some(typed.clone())),
            count: None,
            typed: true,
        });
    }
    out.extend(listed.into_iter().map(|(code, n)| FacetOption {
        value: value(Some(code.clone())),
        count: Some(*n),
        typed: false,
    }));
    out
}

/// "M1805", "M18", "M", "326", "32", "326t": letters and digits as the
/// NSF and ROME codes write them, not words.
fn looks_like_a_code(typed: &str) -> bool {
    let mut chars = typed.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let rest: Vec<char> = chars.collect();
    if first.is_ascii_alphabetic() {
        // ROME: a letter, then digits.
        rest.iter().all(char::is_ascii_digit)
    } else if first.is_ascii_digit() {
        // NSF: digits, maybe one letter at the end.
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        rest.len() - digits <= 1 && rest[digits..].iter().all(char::is_ascii_alphabetic)
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_told_from_words() {
        for code in ["M1805", "M18", "m", "326", "32", "326t", ""] {
            assert!(looks_like_a_code(code), "{code}");
        }
        for word in ["info", "btp", "M18a", "32ab", "é", "3 2"] {
            assert!(!looks_like_a_code(word), "{word}");
        }
    }

    fn counts() -> FacetCounts {
        FacetCounts {
            total: 5,
            repertoire: vec![(Repertoire::Rncp, 5)],
            level: vec![(Some(5), 2), (Some(7), 3)],
            active: 4,
            inactive: 2,
            unknown_state: 1,
            nsf: vec![("326".into(), 3), ("310".into(), 2)],
            rome: vec![("M1805".into(), 2)],
            certifier: vec![("Université de Lille".into(), 2)],
        }
    }

    fn bar() -> FacetBar {
        let mut bar = FacetBar::new(Facets::default());
        bar.set_counts(counts());
        bar
    }

    #[test]
    fn cycling_skips_the_values_that_give_nothing() {
        let mut bar = bar();
        assert_eq!(bar.key(FacetKey::Cycle(Dimension::Level)), Change::Facets);
        assert_eq!(bar.facets.level, Some(5));
        bar.key(FacetKey::Cycle(Dimension::Level));
        assert_eq!(bar.facets.level, Some(7));
        bar.key(FacetKey::Cycle(Dimension::Level));
        assert_eq!(bar.facets.level, None, "back to all");
        bar.key(FacetKey::Cycle(Dimension::Repertoire));
        assert_eq!(bar.facets.repertoire, Some(Repertoire::Rncp));
        bar.key(FacetKey::Cycle(Dimension::Repertoire));
        assert_eq!(bar.facets.repertoire, None, "RS gives nothing: skipped");
        bar.key(FacetKey::Cycle(Dimension::Active));
        assert!(bar.facets.include_inactive);
        assert!(bar.is_set(Dimension::Active));
        assert_eq!(bar.key(FacetKey::Reset), Change::Facets);
        assert_eq!(bar.facets, Facets::default());
    }

    #[test]
    fn a_menu_offers_the_counted_values_and_the_typed_beginning() {
        let mut bar = bar();
        bar.key(FacetKey::Menu(Dimension::Nsf));
        let values: Vec<_> = bar.options().into_iter().map(|o| o.value).collect();
        assert_eq!(
            values,
            [
                FacetValue::Nsf(None),
                FacetValue::Nsf(Some("326".into())),
                FacetValue::Nsf(Some("310".into()))
            ]
        );
        for c in "31".chars() {
            bar.menu_action(Action::SearchInput(c));
        }
        let options = bar.options();
        assert_eq!(options[1].value, FacetValue::Nsf(Some("31".into())));
        assert!(options[1].typed);
        assert_eq!(options[1].count, None, "a prefix is not counted wrong");
        assert_eq!(options[2].count, Some(2));
        assert_eq!(bar.menu.as_ref().unwrap().list.selected, 1);
        assert_eq!(bar.menu_action(Action::Activate), Change::Facets);
        assert_eq!(bar.facets.nsf.as_deref(), Some("31"));
        assert!(bar.menu.is_none());
    }

    #[test]
    fn the_menu_opens_on_the_value_in_force_and_arrows_change_facet() {
        let mut bar = bar();
        bar.facets.level = Some(7);
        bar.key(FacetKey::Menu(Dimension::Level));
        let options = bar.options();
        let menu = bar.menu.as_ref().unwrap();
        assert_eq!(
            options[menu.list.selected].value,
            FacetValue::Level(Some(7))
        );
        assert_eq!(options[0].count, Some(5), "all levels");
        assert_eq!(options.len(), 1 + 6, "3 to 8");
        bar.menu_action(Action::Right);
        assert_eq!(bar.menu.as_ref().unwrap().dimension, Dimension::Active);
        let active = bar.options();
        assert_eq!(active[0].count, Some(5), "active and unknown");
        assert_eq!(active[1].count, Some(7), "with the inactive ones");
        bar.menu_action(Action::Close);
        assert!(bar.menu.is_none());
        assert_eq!(bar.facets.level, Some(7), "Échap changes nothing");
    }

    #[test]
    fn before_its_counts_arrive_a_bar_counts_nothing_and_cycles_every_value() {
        let mut bar = FacetBar::new(Facets::default());
        bar.key(FacetKey::Cycle(Dimension::Level));
        assert_eq!(bar.facets.level, Some(3), "no count to skip by");
        bar.key(FacetKey::Menu(Dimension::Repertoire));
        assert!(
            bar.options().iter().all(|o| o.count.is_none()),
            "unknown, not 0"
        );
    }

    #[test]
    fn certifiers_match_by_name_part_accents_aside() {
        let mut bar = bar();
        bar.key(FacetKey::Menu(Dimension::Certifier));
        for c in "universite".chars() {
            bar.menu_action(Action::SearchInput(c));
        }
        let options = bar.options();
        assert_eq!(options.len(), 3, "all, the typed text, Lille");
        bar.menu_action(Action::Down);
        assert_eq!(bar.click_option(2), Change::Facets);
        assert_eq!(bar.facets.certifier.as_deref(), Some("Université de Lille"));
    }
}
