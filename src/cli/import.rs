//! `rncp-explorer import FICHE.txt [-o SORTIE.ron] [--strict] [--id CLÉ=ID]…`:
//! a fiche's text into RON. Warnings go to stderr, the RON to stdout or `-o`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use rncp_explorer::import::{self, ImportOptions, is_valid_id};
use rncp_explorer::model::{self, escape_for_terminal};

use super::EXIT_BAD_INPUT;

/// Exit status when `--strict` refuses an import with warnings, or the output cannot be written.
const EXIT_REFUSED: u8 = 1;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Texte de la fiche (« résumé descriptif » copié du répertoire RNCP), en UTF-8.
    #[arg(value_name = "FICHE.txt")]
    pub file: PathBuf,

    /// Écrire le RON dans ce fichier plutôt que sur la sortie standard.
    #[arg(short = 'o', long = "output", value_name = "SORTIE.ron")]
    pub output: Option<PathBuf>,

    /// Refuser l'import (statut 1, rien d'écrit) s'il y a le moindre avertissement.
    #[arg(long)]
    pub strict: bool,

    /// Imposer l'id d'un parcours : CLÉ est son nom, l'id déduit, ou des mots
    /// de son nom (« --id urbaines=urbain »). Répétable.
    #[arg(long = "id", value_name = "CLÉ=ID", value_parser = parse_id_override)]
    pub ids: Vec<(String, String)>,

    /// Reprendre les ids et noms courts des parcours d'une fiche RON déjà
    /// importée (même code RNCP, même nom de parcours). Par défaut : la fiche intégrée.
    #[arg(long = "ids-from", value_name = "FICHIER.ron")]
    pub ids_from: Option<PathBuf>,

    /// The global `--data`, shadowed here so that `import --help` does not
    /// offer it: import reads a text fiche, and refuses `--data`.
    #[arg(long = "data", hide = true, value_name = "FICHIER.ron")]
    pub data: Option<PathBuf>,
}

fn parse_id_override(value: &str) -> Result<(String, String), String> {
    let (key, id) = value
        .rsplit_once('=')
        .ok_or_else(|| "attendu CLÉ=ID (par exemple urbaines=urbain)".to_string())?;
    let key = key.trim();
    let id = id.trim();
    if key.is_empty() {
        return Err("la CLÉ est vide".into());
    }
    if !is_valid_id(id) {
        return Err(format!(
            "id « {id} » invalide (minuscules ASCII, chiffres et « - » seulement)"
        ));
    }
    Ok((key.to_string(), id.to_string()))
}

pub fn run(args: &ImportArgs, data: Option<&PathBuf>) -> ExitCode {
    let name = escape_for_terminal(&args.file.display().to_string());
    if data.is_some() || args.data.is_some() {
        eprintln!("rncp-explorer: --data ne s'applique pas à import (la fiche lue est FICHE.txt)");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let text = match read_text(&args.file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("rncp-explorer: {name}: {message}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let reference = match &args.ids_from {
        None => model::embedded(),
        Some(path) => match model::load_file(path) {
            Ok(fiche) => fiche,
            Err(e) => {
                eprintln!("rncp-explorer: --ids-from : {e}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
    };
    let options = ImportOptions {
        ids: args.ids.clone(),
        reference: Some(reference),
    };
    let imported = match import::import(&text, &options) {
        Ok(imported) => imported,
        Err(e) => {
            // The message may quote an --id key, as typed: escape it.
            let message = escape_for_terminal(&e.message);
            match e.line {
                Some(line) => eprintln!("rncp-explorer: {name}:{line}: {message}"),
                None => eprintln!("rncp-explorer: {message}"),
            }
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    for w in &imported.warnings {
        eprintln!(
            "{name}:{}: avertissement : {}",
            w.line,
            escape_for_terminal(&w.message)
        );
    }
    if args.strict && !imported.warnings.is_empty() {
        eprintln!(
            "rncp-explorer: {} avertissement(s) : import refusé (--strict)",
            imported.warnings.len()
        );
        return ExitCode::from(EXIT_REFUSED);
    }
    let ron = to_ron(&imported.fiche, &args.file);
    // The output must load with --data: check it the way --data will.
    if let Err(e) = model::parse_str(&ron, "sortie de l'import") {
        eprintln!("rncp-explorer: erreur interne : la fiche importée ne se recharge pas : {e}");
        return ExitCode::from(EXIT_REFUSED);
    }
    match &args.output {
        None => print!("{ron}"),
        Some(path) => {
            if let Err(e) = std::fs::write(path, &ron) {
                eprintln!(
                    "rncp-explorer: {}: écriture impossible : {e}",
                    escape_for_terminal(&path.display().to_string())
                );
                return ExitCode::from(EXIT_REFUSED);
            }
        }
    }
    eprintln!(
        "RNCP {} : {} parcours, {} avertissement(s)",
        imported.fiche.rncp_code,
        imported.fiche.parcours.len(),
        imported.warnings.len()
    );
    ExitCode::SUCCESS
}

/// The file's text, or why it cannot be had (missing, a folder, a device or
/// FIFO, too big, not UTF-8).
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = model::read_capped(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        format!("texte invalide à la ligne {line} : ce n'est pas de l'UTF-8 (réencodez le fichier en UTF-8)")
    })
}

/// Pretty RON with a comment saying where it comes from.
fn to_ron(fiche: &model::Fiche, source: &Path) -> String {
    let body = import::to_ron(fiche);
    let source = source
        .file_name()
        .map(|n| escape_for_terminal(&n.to_string_lossy()))
        .unwrap_or_default();
    format!(
        "// RNCP {} — importé de {source} par `rncp-explorer import`.\n// Format : docs/data-format.md ; import : docs/import.md.\n{body}\n",
        fiche.rncp_code
    )
}
