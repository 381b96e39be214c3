//! Reading a fiche from RON text, with located errors for every bad input.

use std::fmt;
use std::path::{Path, PathBuf};

use super::Fiche;
use super::catalogue::Catalogue;
use super::position::end_position;
use super::ron_text::{literals, ron_message};
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

impl LoadError {
    /// True for the error of a load stopped by its progress' cancel flag
    /// (not a fault of the data: callers quit quietly).
    pub fn is_cancelled(&self) -> bool {
        self.position.is_none() && self.message == super::registry::CANCELLED
    }
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

/// The catalogue of a run from RON files and exports, without the
/// warnings (see [`super::sources::load_sources`]); the cache is used.
pub fn load_catalogue(paths: &[PathBuf]) -> Result<Catalogue, LoadError> {
    super::sources::load_sources(paths, &super::registry::Options::default())
        .map(|sources| sources.catalogue)
}

/// A data file's text, refused when it is not a bounded regular file or not UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let bytes = read_capped(path).map_err(|message| LoadError {
        source_name: name.clone(),
        position: None,
        message,
    })?;
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

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`], or why not (in
/// French, for a message). The size is never trusted from the metadata
/// alone: a device reports 0 and a file may grow, so the read itself stops
/// one byte past the cap. Devices, FIFOs and sockets are refused: `/dev/zero`
/// never ends and a FIFO without a writer blocks forever. The file is opened
/// non-blocking so that even a FIFO swapped in after a check cannot hang the
/// open itself; the type is then checked on the opened file.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;

    let not_regular = "n'est pas un fichier ordinaire (périphérique, tube ou socket) : \
                       donnez le chemin d'un fichier";
    let metadata = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if metadata.is_dir() {
        return Err("est un dossier, pas un fichier".into());
    }
    if !metadata.is_file() {
        return Err(not_regular.into());
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| io_message(&e))?;
    let metadata = file.metadata().map_err(|e| io_message(&e))?;
    if !metadata.is_file() {
        return Err(not_regular.into());
    }
    let too_big = |len: u64| format!("fichier trop gros ({len} octets, maximum {MAX_FILE_BYTES})");
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "fichier trop gros (plus de {MAX_FILE_BYTES} octets, maximum {MAX_FILE_BYTES})"
        ));
    }
    Ok(bytes)
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
    // Raw tabs and newlines are fine between values but not inside a string;
    // escapes (`\t`, `\u{1b}`…) are checked here too, where their place is known.
    let strings = literals(text, is_forbidden);
    if let Some((offset, c, escaped)) = strings.iter().find_map(|l| l.forbidden) {
        let message = if escaped {
            format!(
                "séquence d'échappement interdite : U+{:04X} (contrôle ou invisible)",
                c as u32
            )
        } else {
            format!(
                "caractère interdit U+{:04X} (contrôle ou invisible)",
                c as u32
            )
        };
        return Err(located(Some(end_position(&text[..offset])), message));
    }
    let fiche: Fiche = ron::from_str(text).map_err(|e| {
        located(
            Some((e.span.start.line, e.span.start.col)),
            ron_message(&e.code),
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
        // The scan above sees every string the parser reads: this is a
        // backstop, placed at the start rather than nowhere.
        return Err(located(Some((1, 1)), message));
    }
    validate(&fiche, text, &strings)
        .map_err(|issue| located(Some(issue.position.unwrap_or((1, 1))), issue.message))?;
    Ok(fiche)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> Option<(usize, char)> {
        literals(text, is_forbidden)
            .iter()
            .find_map(|l| l.forbidden)
            .map(|(at, c, _)| (at, c))
    }

    #[test]
    fn escapes_spelling_controls_are_found_but_escaped_backslashes_are_not() {
        assert_eq!(escaped(r#""a\u{1b}""#), Some((2, '\u{1b}')));
        assert_eq!(escaped(r#""a\x07""#), Some((2, '\u{7}')));
        assert_eq!(escaped(r#""a\u202e""#), Some((2, '\u{202e}')));
        assert_eq!(escaped(r#""a\\u{1b}""#), None);
        assert_eq!(escaped(r#""caf\u{e9}""#), None);
        assert_eq!(escaped(r#""a\tb""#), Some((2, '\t')));
    }
}
