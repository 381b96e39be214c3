//! `import`: an RNCP fiche's text ("résumé descriptif", as copied from the
//! registry) into the data model. Pure: text in, [`Fiche`] and warnings out.
//!
//! Nothing is dropped silently: every non-blank line ends up in the model or
//! in a [`Warning`] that names its line. What is recognised, and how, is
//! documented in `docs/import.md`.

mod access;
mod builder;
mod composantes;
mod courses;
mod fields;
mod headings;
mod ids;
mod lists;
mod markers;
mod text;
mod ue;

use std::fmt;

use crate::model::Fiche;

pub use ids::{derive_id, is_valid_id, short_name};

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Parcours id overrides, `(key, id)`: the key names a parcours by its
    /// full name, its derived id, or words of its name (see `docs/import.md`).
    pub ids: Vec<(String, String)>,
    /// A fiche imported or written before: when it has the same RNCP code,
    /// parcours with the same name keep its ids and short names, so that a
    /// re-import does not rename what users already know (`--id` still wins).
    pub reference: Option<Fiche>,
}

/// A fiche read from text, with what could not be placed or was guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub fiche: Fiche,
    pub warnings: Vec<Warning>,
}

/// A line the importer could not place in the model, or a guess it made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line of the input.
    pub line: usize,
    pub message: String,
}

/// Why no fiche could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the input; `None` only for errors in the options.
    pub line: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            message: message.into(),
        }
    }

    pub(crate) fn options(message: impl Into<String>) -> Self {
        Self {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ligne {} : {}", self.line, self.message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "ligne {line} : {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The fiche as RON for humans: one field per line, strings unescaped (raw
/// strings only where a `"` needs it), loadable by `model::parse_str`.
pub fn to_ron(fiche: &Fiche) -> String {
    let config = ron::ser::PrettyConfig::new().escape_strings(false);
    ron::ser::to_string_pretty(fiche, config).expect("the model always serialises")
}

/// Reads a fiche from its text.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let lines = text::prepare(text, &mut warnings);
    let mut draft = builder::Draft::default();
    for line in &lines {
        if line.text.is_empty() {
            continue;
        }
        draft.read(line, &mut warnings);
    }
    let fiche = draft.finish(options, lines.len(), &mut warnings)?;
    warnings.sort_by_key(|w| w.line);
    Ok(Imported { fiche, warnings })
}
