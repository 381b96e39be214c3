//! The labels of the NSF and ROME codes a catalogue's fiches carry, for
//! the facet menus ("M1805 Études et développement informatique" rather
//! than a bare code). Summaries hold codes only; a label is read from the
//! first fiche carrying its code, so only fiches that bring a new code are
//! decoded (a few hundred over the whole registry).

use std::collections::HashMap;

use super::{Catalogue, CodeLabel};

/// Code → label, for NSF and for ROME codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeLabels {
    nsf: HashMap<String, String>,
    rome: HashMap<String, String>,
}

impl CodeLabels {
    pub fn of(catalogue: &Catalogue) -> CodeLabels {
        let mut labels = CodeLabels::default();
        for id in catalogue.ids() {
            let summary = catalogue.summary(id);
            let new_nsf = summary.nsf.iter().any(|c| !labels.nsf.contains_key(c));
            let new_rome = summary.rome.iter().any(|c| !labels.rome.contains_key(c));
            if !new_nsf && !new_rome {
                continue;
            }
            let fiche = catalogue.get(id);
            learn(&mut labels.nsf, &fiche.nsf);
            learn(&mut labels.rome, &fiche.rome);
        }
        labels
    }

    /// The label of NSF code `code`, when a fiche gives one.
    pub fn nsf(&self, code: &str) -> Option<&str> {
        self.nsf.get(code).map(String::as_str)
    }

    /// The label of ROME code `code`, when a fiche gives one.
    pub fn rome(&self, code: &str) -> Option<&str> {
        self.rome.get(code).map(String::as_str)
    }
}

/// The first non-empty label of each code is kept.
fn learn(known: &mut HashMap<String, String>, codes: &[CodeLabel]) {
    for c in codes {
        let label = c.label.trim();
        if !label.is_empty() && !known.contains_key(&c.code) {
            known.insert(c.code.clone(), label.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registry::Options;

    #[test]
    fn the_samples_codes_have_their_labels() {
        let options = Options {
            cache: false,
            ..Options::default()
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry");
        let sources =
            crate::model::load_sources(&[dir.join("export-rncp-sample.xml")], &options).unwrap();
        let labels = CodeLabels::of(&sources.catalogue);
        assert_eq!(
            labels.rome("M1805"),
            Some("Études et développement informatique")
        );
        assert!(
            labels
                .nsf("326")
                .is_some_and(|l| l.contains("Informatique")),
            "{labels:?}"
        );
        assert_eq!(labels.rome("Z9999"), None);
    }
}
