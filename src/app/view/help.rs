//! The help popup's content, generated from the key table so it lists
//! exactly the bindings input handling uses.

use super::strings as s;
use crate::app::keys::{self, KeyMode};

/// One help line: a section heading, or a key label with its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding {
        keys: &'static str,
        description: &'static str,
    },
}

/// Sections shown in the help popup, in order, with what a section says
/// beyond its key table (typing in the search popup is no key binding).
const SECTIONS: [(&str, KeyMode, &[&str]); 10] = [
    (
        s::HELP_BROWSE,
        KeyMode::Browse,
        &[s::HELP_FOLLOW, s::HELP_LINKS, s::HELP_MEMORY],
    ),
    (s::HELP_FINDINGS, KeyMode::Findings, &[]),
    (
        s::HELP_PARTNERS,
        KeyMode::Partners,
        &[s::HELP_PARTNERS_TYPING],
    ),
    (s::HELP_WARNINGS, KeyMode::Warnings, &[]),
    (s::HELP_IN_SEARCH, KeyMode::Search, &[s::HELP_TYPING]),
    (s::HELP_SEARCH_PICK, KeyMode::SearchPick, &[]),
    (
        s::HELP_FACET_MENU,
        KeyMode::FacetMenu,
        &[s::HELP_FACET_TYPING],
    ),
    (s::compare::HELP_COMPARE, KeyMode::Compare, &[]),
    (s::compare::HELP_PICK, KeyMode::ComparePick, &[]),
    (s::HELP_IN_HELP, KeyMode::Help, &[]),
];

/// Every section's bindings; a binding already listed with the same keys
/// and description in an earlier section is not repeated (the popup scrolls
/// when it is taller than the terminal).
pub fn lines() -> Vec<HelpLine> {
    lines_for(false)
}

/// The help of a catalogue of several fiches (`catalogue`) begins with the
/// fiche list's keys, and its navigation has the way back to the list.
pub fn lines_for(catalogue: bool) -> Vec<HelpLine> {
    let fiche_list: [(&str, KeyMode, &[&str]); 2] = [
        (s::HELP_FICHES, KeyMode::Fiches, &[]),
        (
            s::HELP_FICHE_FILTER,
            KeyMode::FicheFilter,
            &[s::HELP_FILTER_TYPING],
        ),
    ];
    // Facets are for a catalogue: one fiche's help has none.
    let sections = SECTIONS
        .iter()
        .filter(|(_, mode, _)| catalogue || *mode != KeyMode::FacetMenu)
        .map(|&(heading, mode, extra)| match mode {
            KeyMode::Browse if catalogue => (heading, KeyMode::FicheBrowse, extra),
            KeyMode::Search if catalogue => (heading, KeyMode::CatalogueSearch, extra),
            _ => (heading, mode, extra),
        });
    // Comparing certifications needs a catalogue: after the parcours picker.
    let certs: [(&str, KeyMode, &[&str]); 2] = [
        (s::certs::HELP_CERTS, KeyMode::CertCompare, &[]),
        (
            s::certs::HELP_CERT_PICK,
            KeyMode::CertPick,
            &[s::certs::HELP_CERT_TYPING],
        ),
    ];
    let sections: Vec<_> = if catalogue {
        let mut all: Vec<_> = fiche_list.into_iter().chain(sections).collect();
        let at = all
            .iter()
            .position(|(_, mode, _)| *mode == KeyMode::ComparePick)
            .map_or(all.len(), |i| i + 1);
        all.splice(at..at, certs);
        all
    } else {
        sections.collect()
    };
    let mut out: Vec<HelpLine> = Vec::new();
    for (heading, mode, extra) in sections {
        out.push(HelpLine::Heading(heading));
        for b in keys::bindings(mode) {
            let line = HelpLine::Binding {
                keys: b.label,
                description: b.description,
            };
            if !out.contains(&line) {
                out.push(line);
            }
        }
        out.extend(extra.iter().map(|line| prose(line)));
    }
    out.push(HelpLine::Heading(s::HELP_SYMBOLS));
    for (keys, description) in s::HELP_LEGEND {
        out.push(HelpLine::Binding { keys, description });
    }
    out.push(HelpLine::Heading(s::HELP_MOUSE));
    for line in [
        s::HELP_MOUSE_CLICK,
        s::HELP_MOUSE_WHEEL,
        s::HELP_MOUSE_SEARCH,
        s::HELP_MOUSE_COMPARE,
        s::HELP_MOUSE_OUTSIDE,
    ] {
        out.push(prose(line));
    }
    out
}

/// A "keys : description" string as a help line.
fn prose(line: &'static str) -> HelpLine {
    let (keys, description) = line.split_once(" : ").unwrap_or(("", line));
    HelpLine::Binding { keys, description }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_binding_of_every_section() {
        for catalogue in [false, true] {
            let lines = lines_for(catalogue);
            for (_, mode, _) in SECTIONS {
                // A catalogue's help shows its own forms of these modes.
                let mode = match mode {
                    KeyMode::Browse if catalogue => KeyMode::FicheBrowse,
                    KeyMode::Search if catalogue => KeyMode::CatalogueSearch,
                    KeyMode::FacetMenu if !catalogue => continue,
                    other => other,
                };
                for b in keys::bindings(mode) {
                    assert!(
                        lines.contains(&HelpLine::Binding {
                            keys: b.label,
                            description: b.description
                        }),
                        "{} missing from help (catalogue: {catalogue})",
                        b.label
                    );
                }
            }
        }
    }

    #[test]
    fn no_binding_is_listed_twice() {
        let lines = lines();
        for (i, l) in lines.iter().enumerate() {
            if let HelpLine::Binding { .. } = l {
                assert!(!lines[i + 1..].contains(l), "{l:?} repeated");
            }
        }
    }
}
