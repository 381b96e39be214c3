//! Command-line interface: argument definitions and one file per subcommand.

mod check;
mod compare;
mod export;
mod import;
mod interactive;
mod search;
mod usage;

pub use usage::parse;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use rncp_explorer::model::{self, Fiche};
use rncp_explorer::search::Kind;

/// Exit status for bad input data (unreadable or invalid file), like clap's usage errors.
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "rncp-explorer",
    version,
    about = "Explorer une fiche RNCP : parcours, maquette, compétences, emplois.",
    long_about = "Explorer une fiche RNCP : parcours, semestres, UE, ECTS, compétences et emplois.\n\
                  Sans sous-commande, ouvre l'explorateur plein écran sur la fiche intégrée \
                  (RNCP 24759, Master Science Politique) ou sur --data FICHIER.ron."
)]
pub struct Cli {
    /// Fiche au format RON à ouvrir à la place de la fiche intégrée.
    #[arg(long, global = true, value_name = "FICHIER.ron")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Signaler ce qui est discutable dans la fiche (sommes d'ECTS, doublons, numérotation…).
    Check {
        /// Sortie JSON (tableau des constats).
        #[arg(long)]
        json: bool,
    },
    /// Comparer deux parcours côte à côte : UE communes, ECTS, compétences, secteurs, emplois.
    Compare {
        /// Parcours de gauche : identifiant (« europe ») ou fragment du nom (« urbain », « humanit »).
        a: String,
        /// Parcours de droite, désigné de la même façon.
        b: String,
        /// Format de sortie.
        #[arg(long, value_enum, default_value_t)]
        format: compare::CompareFormat,
        /// Détailler le tronc commun UE par UE au lieu d'une ligne « identiques ».
        #[arg(long)]
        expand: bool,
    },
    /// Chercher un emploi, une compétence, une UE… (approximatif, sans accents) ;
    /// code de sortie 1 si rien ne correspond.
    Search {
        /// Mots à chercher, dans n'importe quel ordre (« chef cabinet »).
        query: String,
        /// Ne chercher que ce type d'élément (sans requête : les lister tous).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Nombre maximal de résultats (les meilleurs).
        #[arg(long, value_name = "N", value_parser = parse_limit)]
        limit: Option<u32>,
        /// Sortie JSON (tableau de résultats).
        #[arg(long)]
        json: bool,
    },
    /// Exporter toute la fiche en JSON ou en Markdown sur la sortie standard.
    Export {
        /// Format de sortie.
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Lire le texte d'une fiche RNCP et l'écrire en RON (chargeable avec --data).
    Import(import::ImportArgs),
}

/// `--limit`: a whole number from 1, with a French reason otherwise.
fn parse_limit(value: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(0) => Err("au moins 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("un nombre entier de 1 à 4294967295 est attendu".into()),
    }
}

/// `--kind` values: the search kinds' machine names.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Job,
    Competence,
    Activity,
    Sector,
    Ue,
    Course,
}

impl From<KindArg> for Kind {
    fn from(arg: KindArg) -> Kind {
        match arg {
            KindArg::Job => Kind::Job,
            KindArg::Competence => Kind::Competence,
            KindArg::Activity => Kind::Activity,
            KindArg::Sector => Kind::Sector,
            KindArg::Ue => Kind::Ue,
            KindArg::Course => Kind::Course,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
}

/// Loads the fiche named by `--data`, or the embedded one. Errors go to stderr.
pub fn load(data: Option<&PathBuf>) -> Result<Fiche, ExitCode> {
    match data {
        None => Ok(model::embedded()),
        Some(path) => model::load_file(path).map_err(|e| {
            eprintln!("rncp-explorer: {e}");
            ExitCode::from(EXIT_BAD_INPUT)
        }),
    }
}

pub fn run(cli: Cli) -> ExitCode {
    let command = match cli.command {
        // import reads a text fiche, not a data file: nothing to load first.
        Some(Command::Import(args)) => return import::run(&args, cli.data.as_ref()),
        other => other,
    };
    let fiche = match load(cli.data.as_ref()) {
        Ok(fiche) => fiche,
        Err(code) => return code,
    };
    match command {
        None => interactive::run(fiche),
        Some(Command::Check { json }) => check::run(&fiche, json),
        Some(Command::Compare {
            a,
            b,
            format,
            expand,
        }) => compare::run(&fiche, &a, &b, format, expand),
        Some(Command::Export { format }) => export::run(&fiche, format),
        Some(Command::Search {
            query,
            kind,
            limit,
            json,
        }) => search::run(
            &fiche,
            &query,
            kind.map(Kind::from),
            limit.map(|n| n as usize),
            json,
        ),
        Some(Command::Import(args)) => import::run(&args, cli.data.as_ref()),
    }
}
