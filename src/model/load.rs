//! Reading a fiche from RON text, with located errors for every bad input.

use std::fmt;
use std::path::{Path, PathBuf};

use super::Fiche;
use super::catalogue::Catalogue;
use super::position::{end_position, locate};
use super::sanitize::{escape_for_terminal, for_each_string, is_forbidden};
use super::validate::validate;

/// The fiche compiled into the binary (RNCP 24759).
pub const EMBEDDED_FICHE: &str = include_str!("../../assets/rncp-24759.ron");

/// Name the embedded fiche goes by in messages.
pub const EMBEDDED_NAME: &str = "assets/rncp-24759.ron";

/// Data files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a fiche could not be loaded. `Display` gives `FILE:LINE:COL: message`
/// when the place is known, and never prints raw control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub source_name: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = escape_for_terminal(&self.source_name);
        let message = escape_for_terminal(&self.message);
        match self.position {
            Some((line, col)) => write!(f, "{name}:{line}:{col}: {message}"),
            None => write!(f, "{name}: {message}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The embedded fiche. It is checked by the test suite, so failure here is a build defect.
pub fn embedded() -> Fiche {
    parse_str(EMBEDDED_FICHE, EMBEDDED_NAME).expect("the embedded fiche is valid")
}

/// Loads and validates a fiche from a RON file.
pub fn load_file(path: &Path) -> Result<Fiche, LoadError> {
    let text = read_text(path)?;
    parse_str(&text, &path.display().to_string())
}

/// The catalogue of a run: the embedded fiche alone when `paths` is empty,
/// else every file's fiche in the order given. Each file's errors are located
/// as for one file; a number declared by two files is an error located at
/// the second file's `rncp_code`.
pub fn load_catalogue(paths: &[PathBuf]) -> Result<Catalogue, LoadError> {
    if paths.is_empty() {
        return Ok(Catalogue::single(embedded(), EMBEDDED_NAME));
    }
    let mut catalogue = Catalogue::new();
    for path in paths {
        let name = path.display().to_string();
        let text = read_text(path)?;
        let fiche = parse_str(&text, &name)?;
        catalogue.add(fiche, &name).map_err(|dup| LoadError {
            source_name: name.clone(),
            position: locate(&text, "rncp_code", 0),
            message: format!(
                "{} est déjà dans {} : une fiche ne peut être chargée qu'une fois",
                dup.numero, dup.existing_source
            ),
        })?;
    }
    Ok(catalogue)
}

/// A data file's text, refused when it is too big, a folder or not UTF-8.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let error = |message: String| LoadError {
        source_name: name.clone(),
        position: None,
        message,
    };
    let metadata = std::fs::metadata(path).map_err(|e| error(io_message(&e)))?;
    if metadata.is_dir() {
        return Err(error("est un dossier, pas un fichier".into()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(error(format!(
            "fichier trop gros ({} octets, maximum {MAX_FILE_BYTES})",
            metadata.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| error(io_message(&e)))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            return Err(LoadError {
                source_name: name,
                position: Some(end_position(valid)),
                message: "texte invalide : ce n'est pas de l'UTF-8".into(),
            });
        }
    };
    Ok(text)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".into(),
        std::io::ErrorKind::PermissionDenied => "lecture refusée (permissions)".into(),
        _ => format!("lecture impossible : {e}"),
    }
}

/// Parses and validates RON text; `source_name` names it in errors.
pub fn parse_str(text: &str, source_name: &str) -> Result<Fiche, LoadError> {
    let located = |position: Option<(usize, usize)>, message: String| LoadError {
        source_name: source_name.to_string(),
        position,
        message,
    };
    if let Some((offset, c)) = text
        .char_indices()
        .find(|&(_, c)| is_forbidden(c) && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(located(
            Some(end_position(&text[..offset])),
            format!(
                "caractère interdit U+{:04X} (contrôle ou invisible)",
                c as u32
            ),
        ));
    }
    if let Some((offset, c)) = escaped_forbidden_char(text) {
        return Err(located(
            Some(end_position(&text[..offset])),
            format!(
                "séquence d'échappement interdite : U+{:04X} (contrôle ou invisible)",
                c as u32
            ),
        ));
    }
    let fiche: Fiche = ron::from_str(text).map_err(|e| {
        located(
            Some((e.span.start.line, e.span.start.col)),
            e.code.to_string(),
        )
    })?;
    let mut bad = None;
    for_each_string(&fiche, &mut |path, value| {
        if bad.is_none()
            && let Some(c) = value.chars().find(|&c| is_forbidden(c))
        {
            bad = Some(format!(
                "{path} : caractère interdit U+{:04X} (contrôle ou invisible)",
                c as u32
            ));
        }
    });
    if let Some(message) = bad {
        return Err(located(None, message));
    }
    validate(&fiche, text).map_err(|issue| located(issue.position, issue.message))?;
    Ok(fiche)
}

/// Finds a `\xHH`, `\uHHHH` or `\u{H…}` escape that spells a forbidden
/// character, so it can be reported at its place rather than after parsing.
fn escaped_forbidden_char(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // An escaped backslash (`\\`) makes the next character plain text.
        if bytes.get(i + 1) == Some(&b'\\') {
            i += 2;
            continue;
        }
        let rest = &text[i + 1..];
        let hex = if let Some(r) = rest.strip_prefix("u{") {
            r.split('}').next()
        } else if let Some(r) = rest.strip_prefix('u') {
            r.get(..4)
        } else if let Some(r) = rest.strip_prefix('x') {
            r.get(..2)
        } else {
            None
        };
        if let Some(c) = hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
            && is_forbidden(c)
        {
            return Some((i, c));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_spelling_controls_are_found_but_escaped_backslashes_are_not() {
        assert_eq!(escaped_forbidden_char(r#""a\u{1b}""#), Some((2, '\u{1b}')));
        assert_eq!(escaped_forbidden_char(r#""a\x07""#), Some((2, '\u{7}')));
        assert_eq!(
            escaped_forbidden_char(r#""a\u202e""#),
            Some((2, '\u{202e}'))
        );
        assert_eq!(escaped_forbidden_char(r#""a\\u{1b}""#), None);
        assert_eq!(escaped_forbidden_char(r#""caf\u{e9}""#), None);
    }
}
